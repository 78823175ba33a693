// The sync engine against a central server that dies and against a link that misbehaves:
// after each, the replica and the server agree, nothing is duplicated or lost, and the
// quarantine holds exactly the documents that fail the schema.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseHeader } from '../../../shared/cases/case-documents';
import { authorityDatabaseName } from '../../../shared/cases/case-documents';
import { authorityDocumentId, directoryDatabaseName } from '../../../shared/directory/central-documents';
import { CentralClient } from '../../../server/central-client';
import { provisionAuthorityDatabase } from '../../../server/provisioning';
import { generateDirectory } from '../../../server/seed/directory-generator';
import { startCentralProcess, type CentralProcess } from '../../../server/testing/central-process';
import { startFaultProxy } from '../../../server/testing/fault-proxy';
import { openReplica, type Replica } from '../database';
import { getRxStorageSQLite } from '../storage';
import { waitFor } from '../testing/wait-for';
import { caseCollections } from './case-replication';
import { directoryCollections } from './directory-replication';
import { Quarantine } from './quarantine';
import { startSyncEngine, type SyncEngine } from './sync-engine';
import { SyncStatusTracker } from './sync-status-tracker';

const kills = Number(process.env['IMI_DESK_SERVER_KILLS'] ?? 50);
const authority = 'AT-000001';
let folder: string;
let replicaCount = 0;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-sync-faults-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Documents that pass the server's checks but not the workstation's schema. */
function badAuthorities(count: number) {
  return Array.from({ length: count }, (_, i) => ({ _id: authorityDocumentId(`ZZ-bad-${i}`), officialName: `Broken ${i}`, country: 'AT', legislativeAreas: 'PQ' }));
}

function casesFrom(count: number, offset: number): CaseHeader[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${authority}-fault-${offset + i}`,
    requester: authority,
    recipient: 'RO-000002',
    area: 'PQ' as const,
    subject: `Case ${offset + i}`,
    createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, offset + i)).toISOString(),
  }));
}

async function openSyncedReplica(centralUrl: string, batchSize: number): Promise<{ replica: Replica; engine: SyncEngine; quarantine: Quarantine; status: SyncStatusTracker }> {
  const replica = await openReplica(getRxStorageSQLite({ folder: join(folder, `replica-${++replicaCount}`) }), `faults${replicaCount}`);
  const status = new SyncStatusTracker();
  const quarantine = new Quarantine();
  const engine = startSyncEngine({
    collections: [...directoryCollections(centralUrl, replica.authorities, replica.registers), ...caseCollections(centralUrl, authority, replica)],
    status,
    quarantine,
    longPollMs: 1_000,
    batchSize,
    retryTime: 200,
  });
  return { replica, engine, quarantine, status };
}

/** Checks that replica and server agree: same authorities, every case uploaded once. */
async function expectConverged(client: CentralClient, replica: Replica, quarantine: Quarantine, expected: { authorities: string[]; bad: string[]; cases: string[] }) {
  const local = await replica.authorities.find().exec();
  expect(local.map((d) => d.id).sort()).toEqual([...expected.authorities].sort());
  const quarantined = quarantine.list();
  expect(quarantined.map((e) => `${e.collection}/${e.direction}/${e.documentId}`).sort()).toEqual(expected.bad.map((id) => `authorities/pull/${id}`).sort());
  const onServer = (await client.expect('GET', `${authorityDatabaseName(authority)}/_all_docs?include_docs=true&conflicts=true`, [200])) as {
    rows: { id: string; doc: { _rev: string; _conflicts?: string[] } }[];
  };
  const caseRows = onServer.rows.filter((row) => row.id.startsWith('case:'));
  expect(caseRows.map((row) => row.id.slice('case:'.length)).sort()).toEqual([...expected.cases].sort());
  for (const row of caseRows) {
    expect(row.doc._conflicts).toBeUndefined();
    expect(row.doc._rev.startsWith('1-')).toBe(true); // written once
  }
}

describe('the sync engine when the central server is killed and restarted', () => {
  let server: CentralProcess;
  afterAll(async () => {
    await server?.kill();
  });

  it(`converges after ${kills} kills during a sync of 10,000 documents`, async () => {
    const size = 10_000;
    const dataFolder = join(folder, 'central');
    server = await startCentralProcess({ authorities: size, dataFolder });
    const client = new CentralClient(server.url);
    await provisionAuthorityDatabase(client, authority);
    const bad = badAuthorities(20);
    await client.expect('POST', `${directoryDatabaseName}/_bulk_docs`, [201], { docs: bad });

    const { replica, engine, quarantine } = await openSyncedReplica(server.url, 20);
    let firstSyncDone = false;
    void engine.awaitInitialSync().then(() => (firstSyncDone = true));
    let killedDuringFirstSync = 0;
    const written: string[] = [];
    for (let round = 0; round < kills; round++) {
      // Work goes on in the workstation, connected or not.
      if (round % 5 === 0) {
        const batch = casesFrom(100, written.length);
        await replica.cases.bulkInsert(batch);
        written.push(...batch.map((c) => c.id));
      }
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      if (!firstSyncDone) killedDuringFirstSync++;
      await server.kill();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
      server = await startCentralProcess({ authorities: size, dataFolder, port: server.port });
    }
    await engine.awaitInitialSync();
    await waitFor('the uploads', async () => {
      await engine.awaitInSync();
      const info = (await client.expect('GET', `${authorityDatabaseName(authority)}/_all_docs?limit=0`, [200])) as { total_rows: number };
      return info.total_rows >= written.length + 1; // + the design document
    }, 120_000);
    await expectConverged(client, replica, quarantine, {
      authorities: generateDirectory({ authorities: size }).map((a) => a.id),
      bad: bad.map((b) => b._id.slice('authority:'.length)),
      cases: written,
    });
    console.log(`${killedDuringFirstSync} of ${kills} kills fell during the first sync`);
    expect(killedDuringFirstSync).toBeGreaterThanOrEqual(Math.min(kills, 25));
    await engine.stop();
    await replica.close();
  }, 600_000);
});

describe('the sync engine behind a link that cuts answers and spoils them', () => {
  let server: CentralProcess;
  afterAll(async () => {
    await server?.kill();
  });

  it('converges although a third of the answers are cut, malformed or gateway errors', async () => {
    const size = 2_000;
    server = await startCentralProcess({ authorities: size });
    const client = new CentralClient(server.url);
    await provisionAuthorityDatabase(client, authority);
    const bad = badAuthorities(5);
    await client.expect('POST', `${directoryDatabaseName}/_bulk_docs`, [201], { docs: bad });
    const proxy = await startFaultProxy(server.url);
    proxy.setFaults({ cut: 0.12, malformed: 0.12, 'gateway-error': 0.1 });

    const { replica, engine, quarantine } = await openSyncedReplica(proxy.url, 50);
    const written: string[] = [];
    for (let round = 0; round < 5; round++) {
      const batch = casesFrom(60, written.length);
      await replica.cases.bulkInsert(batch);
      written.push(...batch.map((c) => c.id));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await engine.awaitInitialSync();
    proxy.setFaults({}); // the link heals: everything must now settle
    await waitFor('the uploads', async () => {
      await engine.awaitInSync();
      const info = (await client.expect('GET', `${authorityDatabaseName(authority)}/_all_docs?limit=0`, [200])) as { total_rows: number };
      return info.total_rows >= written.length + 1;
    }, 120_000);
    expect(proxy.counts.cut).toBeGreaterThan(0);
    expect(proxy.counts.malformed).toBeGreaterThan(0);
    expect(proxy.counts['gateway-error']).toBeGreaterThan(0);
    await expectConverged(client, replica, quarantine, {
      authorities: generateDirectory({ authorities: size }).map((a) => a.id),
      bad: bad.map((b) => b._id.slice('authority:'.length)),
      cases: written,
    });
    await engine.stop();
    await replica.close();
    await proxy.close();
  }, 300_000);
});
