// The core against a real PouchDB server process: the directory flows into the replica,
// survives the server going away, and catches up when it returns.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/sync/sync-status';
import { authorityDocumentId } from '../../shared/directory/central-documents';
import { CentralClient } from '../../server/central-client';
import { generateDirectory } from '../../server/seed/directory-generator';
import { generateRegisters } from '../../server/seed/register-generator';
import { startCentralProcess, type CentralProcess } from '../../server/testing/central-process';
import { waitFor } from './testing/wait-for';
import { openWorkstationCore, type WorkstationCore } from './workstation-core';

const authorities = 300;
let server: CentralProcess;
let core: WorkstationCore;
let folder: string;
let status: SyncStatus | undefined;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-core-'));
  server = await startCentralProcess({ authorities, dataFolder: join(folder, 'central') });
  core = await openWorkstationCore({ dataFolder: join(folder, 'workstation'), centralUrl: server.url, workspace: 'connected', version: 'test' });
  core.streams['sync.status']({}, (event) => (status = event));
});

afterAll(async () => {
  await core?.close();
  await server?.kill();
  await rm(folder, { recursive: true, force: true });
});

describe('the workstation core with a central server', () => {
  it('replicates the whole directory into the local replica', async () => {
    await core.initialSync;
    const counts = await core.calls['directory.countryCounts']({});
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(authorities);
    expect(status?.connection).toBe('online');
    const registers = generateRegisters(generateDirectory({ authorities })).length;
    expect(status?.firstSync).toMatchObject({ done: true, total: authorities + registers + 1 }); // + the validate design document
  });

  it('pages through the directory in name order, filtered by country and area', async () => {
    const expected = generateDirectory({ authorities }).filter((a) => a.country === 'DE' && a.legislativeAreas.includes('SERVICES'));
    const page = await core.calls['directory.page']({ filter: { country: 'DE', area: 'SERVICES' }, language: 'fr', offset: 0, limit: 500 });
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((row) => row.id).sort()).toEqual(expected.map((a) => a.id).sort());
    const names = page.rows.map((row) => row.officialName);
    expect(names.length).toBeGreaterThan(5);
    const sortNames = expected.sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1)).map((a) => a.officialName);
    expect(names).toEqual(sortNames);
    expect(page.rows.every((row) => row.country === 'DE')).toBe(true);
    // The designation comes in the asked language.
    const first = generateDirectory({ authorities }).find((a) => a.id === page.rows[0]!.id)!;
    expect(page.rows[0]!.designation).toBe(first.designation['fr']);
  });

  it('ignores design documents, applies deletions and sets aside damaged documents', async () => {
    const client = new CentralClient(server.url);
    const victim = generateDirectory({ authorities }).find((a) => a.country === 'AT')!;
    const current = (await client.expect('GET', `directory/${authorityDocumentId(victim.id)}`, [200])) as { _rev: string };
    await client.expect('DELETE', `directory/${authorityDocumentId(victim.id)}?rev=${current._rev}`, [200]);
    await client.expect('PUT', 'directory/_design/another-view', [201], { views: { all: { map: 'function (doc) { emit(doc._id); }' } } });
    const { id: _id, ...damaged } = { ...victim, legislativeAreas: ['NOT-AN-AREA'] };
    await client.expect('PUT', `directory/${authorityDocumentId('AT-DAMAGED')}`, [201], damaged);
    const fine = { ...victim, officialName: 'Amt der Testlandesregierung' };
    const { id: _fineId, ...fineDoc } = fine;
    await client.expect('PUT', `directory/${authorityDocumentId('AT-NEW')}`, [201], fineDoc);

    await waitFor('the new authority', () => core.calls['directory.authority']({ id: 'AT-NEW' }));
    expect(await core.calls['directory.authority']({ id: victim.id })).toBeNull();
    expect(await core.calls['directory.authority']({ id: 'AT-DAMAGED' })).toBeNull();
    expect(status?.quarantined).toBe(1);
    const counts = await core.calls['directory.countryCounts']({});
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(authorities); // one deleted, one added

    // The search follows the replica: the new authority is found (with a typing error), the deleted one is gone.
    const search = (query: string) => core.calls['directory.search']({ query, filter: {}, language: 'de', limit: 5 });
    const found = await search('Testlandesregirung');
    expect(found.hits[0]?.authority).toMatchObject({ id: 'AT-NEW', officialName: 'Amt der Testlandesregierung' });
    expect(found.hits[0]?.reasons).toContainEqual({ field: 'officialName' });
    expect((await search(victim.officialName)).hits.map((hit) => hit.authority.id)).not.toContain(victim.id);
  });

  it('finds authorities by a competence named in another language, and says why in the reader’s language', async () => {
    const holder = generateDirectory({ authorities }).find((a) => a.professions.includes('doctor'))!;
    const result = await core.calls['directory.search']({ query: 'lekarz', filter: { country: holder.country }, language: 'fr', limit: 10 });
    expect(result.hits.map((hit) => hit.authority.id)).toContain(holder.id);
    const hit = result.hits.find((h) => h.authority.id === holder.id)!;
    expect(hit.reasons).toContainEqual({ field: 'competence', code: 'profession:doctor', label: 'Médecin' });
  });

  it('goes offline when the server disappears, keeps serving, and recovers without a restart', async () => {
    const port = server.port;
    await server.kill();
    await waitFor('offline status', () => status?.connection === 'offline');
    expect(status?.lastError?.code).toBe('unreachable');
    const page = await core.calls['directory.page']({ filter: { country: 'AT' }, language: 'de', offset: 0, limit: 10 });
    expect(page.rows.length).toBeGreaterThan(0);

    server = await startCentralProcess({ authorities, port, dataFolder: join(folder, 'central') });
    core.calls['sync.retryNow']({});
    await waitFor('online status', () => status?.connection === 'online', 60_000);
    const client = new CentralClient(server.url);
    const { id: _id, ...doc } = { ...generateDirectory({ authorities })[0]!, officialName: 'Neu nach dem Neustart' };
    await client.expect('PUT', `directory/${authorityDocumentId('AT-AFTER-RESTART')}`, [201], doc);
    const arrived = await waitFor('a change made after the restart', () => core.calls['directory.authority']({ id: 'AT-AFTER-RESTART' }));
    expect(arrived?.officialName).toBe('Neu nach dem Neustart');
  });

  it('keeps the directory on disk: a restarted workstation has it before any sync', async () => {
    await core.close();
    await server.kill();
    core = await openWorkstationCore({ dataFolder: join(folder, 'workstation'), centralUrl: server.url, workspace: 'connected', version: 'test' });
    const counts = await core.calls['directory.countryCounts']({});
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(authorities + 1); // + the one added after the restart
    expect(await core.calls['directory.authority']({ id: 'AT-AFTER-RESTART' })).toMatchObject({ officialName: 'Neu nach dem Neustart' });
  });
});
