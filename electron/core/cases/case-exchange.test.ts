// Two workstations of authorities in different countries exchange a request and its answer
// through the exchange relay, all real processes: a PouchDB server, the relay, three cores
// (the third in a process of its own: RxDB's open-source build holds at most 13 collections
// per process). A third authority never receives the case.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityDatabaseName } from '../../../shared/cases/case-documents';
import { CentralClient } from '../../../server/central-client';
import { provisionAuthorityDatabase } from '../../../server/provisioning';
import { generateDirectory } from '../../../server/seed/directory-generator';
import { startCentralProcess, type CentralProcess } from '../../../server/testing/central-process';
import { startRelayProcess } from '../../../server/testing/relay-process';
import type { StartedProcess } from '../../../server/testing/typescript-process';
import { waitFor } from '../testing/wait-for';
import { startWorkstationProcess, type WorkstationInProcess } from '../testing/workstation-in-process';
import { openWorkstationCore, type WorkstationCore } from '../workstation-core';

const directorySize = 300;
const directory = generateDirectory({ authorities: directorySize });
const austrian = directory.find((a) => a.country === 'AT')!;
const romanian = directory.find((a) => a.country === 'RO')!;
const hungarian = directory.find((a) => a.country === 'HU')!;

let folder: string;
let server: CentralProcess;
let relay: StartedProcess;
let client: CentralClient;
const cores: Record<'at' | 'ro', WorkstationCore> = {} as never;
let hungary: WorkstationInProcess;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-exchange-'));
  server = await startCentralProcess({ authorities: directorySize });
  client = new CentralClient(server.url);
  for (const authority of [austrian, romanian, hungarian]) await provisionAuthorityDatabase(client, authority.id);
  relay = await startRelayProcess(server.url);
  hungary = await startWorkstationProcess(join(folder, 'hu'), server.url, hungarian.id);
  for (const [key, authority] of [['at', austrian], ['ro', romanian]] as const) {
    cores[key] = await openWorkstationCore({ dataFolder: join(folder, key), centralUrl: server.url, workspace: 'connected', version: 'test', authorityId: authority.id, longPollMs: 2_000 });
    await cores[key].initialSync;
  }
}, 180_000);

afterAll(async () => {
  for (const core of Object.values(cores)) await core?.close();
  await hungary?.close();
  await relay?.kill();
  await server?.kill();
  await rm(folder, { recursive: true, force: true });
});

const caseOf = (core: WorkstationCore, caseId: string) => core.calls['cases.get']({ caseId });

async function centralDocumentIds(authorityId: string): Promise<string[]> {
  const body = (await client.expect('GET', `${authorityDatabaseName(authorityId)}/_all_docs`, [200])) as { rows: { id: string }[] };
  return body.rows.map((row) => row.id).filter((id) => !id.startsWith('_design/'));
}

describe('a request from Austria to Romania through the exchange relay', () => {
  let caseId: string;

  it('arrives at the Romanian authority, which accepts and answers it', async () => {
    ({ caseId } = await cores.at.calls['cases.send']({ recipient: romanian.id, area: 'PQ', subject: 'Doctor: certificate of current professional status' }));
    const received = await waitFor('the request in the Romanian workstation', async () => (await caseOf(cores.ro, caseId))?.state === 'sent' && caseOf(cores.ro, caseId));
    expect(received.role).toBe('recipient');
    expect(received.allowed).toEqual(['accepted']);
    expect(received.header).toMatchObject({ requester: austrian.id, recipient: romanian.id });

    await cores.ro.calls['cases.record']({ caseId, type: 'accepted', answerBy: '2026-12-05' });
    await cores.ro.calls['cases.record']({ caseId, type: 'answered', answers: { 'PQ-GEN-01': 'yes', 'PQ-GEN-02': 'The certificate is authentic.' } });
    const answered = await waitFor('the answer in the Austrian workstation', async () => (await caseOf(cores.at, caseId))?.state === 'answered' && caseOf(cores.at, caseId));
    expect(answered.events.map((event) => [event.number, event.type, event.author])).toEqual([
      [0, 'sent', austrian.id],
      [1, 'accepted', romanian.id],
      [2, 'answered', romanian.id],
    ]);
    expect(answered.events[2]!.answers).toEqual({ 'PQ-GEN-01': 'yes', 'PQ-GEN-02': 'The certificate is authentic.' });
    expect(answered.allowed).toEqual(['closed']);
  });

  it('is closed by Austria, and Romania sees it closed', async () => {
    await cores.at.calls['cases.record']({ caseId, type: 'closed' });
    await waitFor('the closed case in the Romanian workstation', async () => (await caseOf(cores.ro, caseId))?.state === 'closed');
    const list = await cores.ro.calls['cases.list']({});
    expect(list).toEqual([expect.objectContaining({ id: caseId, state: 'closed', role: 'recipient', refused: 0 })]);
  });

  it('refuses, in the workstation, a step the workflow does not allow', async () => {
    await expect(cores.ro.calls['cases.record']({ caseId, type: 'answered' })).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(hungary.call('cases.record', { caseId, type: 'accepted' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('never reaches the Hungarian authority: neither its central database nor its replica', async () => {
    await hungary.call('awaitInSync');
    expect(await hungary.call('cases.list')).toEqual([]);
    expect(await hungary.call('cases.get', { caseId })).toBeNull();
    expect(await centralDocumentIds(hungarian.id)).toEqual([]);
    const romanianIds = await centralDocumentIds(romanian.id);
    expect(romanianIds.sort()).toEqual([`case:${caseId}`, `event:${caseId}~0`, `event:${caseId}~1`, `event:${caseId}~2`, `event:${caseId}~3`].sort());
  });

  it('tells the author when the relay refuses an event written past the workstation’s checks', async () => {
    // As an out-of-date or tampered client would: an event the workflow does not allow.
    const database = authorityDatabaseName(austrian.id);
    await client.expect('PUT', `${database}/${encodeURIComponent(`event:${caseId}~4`)}`, [201], {
      caseId, number: 4, type: 'accepted', author: austrian.id, at: new Date().toISOString(),
    });
    const refused = await waitFor('the refusal in the Austrian workstation', async () => {
      const found = await caseOf(cores.at, caseId);
      return found && found.refusals.length > 0 && found;
    });
    expect(refused.refusals[0]).toMatchObject({ id: `${caseId}~4`, code: 'not-allowed-now' });
    expect((await cores.at.calls['cases.list']({}))[0]).toMatchObject({ id: caseId, refused: 1 });
    // The Romanian side never sees it.
    expect(await centralDocumentIds(romanian.id)).not.toContain(`event:${caseId}~4`);
  });
});
