// The workstation's local data when the file on disk cannot be used: the core says so,
// changes nothing, and on request sets it aside (kept) and starts again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HandlerError } from './carrier-endpoint';
import { openWorkstationCore, type WorkstationCore } from './workstation-core';

let folder: string;
let core: WorkstationCore | undefined;
// Nothing listens on port 9: these cores work offline.
const options = () => ({ dataFolder: folder, centralUrl: 'http://127.0.0.1:9', workspace: 'connected' as const, version: 'test' });
const replicaFile = () => {
  const replica = join(folder, 'replica');
  return join(replica, readdirSync(replica).find((name) => name.endsWith('.sqlite'))!);
};
const fingerprint = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-replica-'));
  const first = await openWorkstationCore(options());
  await first.close();
  const database = new Database(replicaFile());
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(folder, { recursive: true, force: true });
});

describe('unusable local data', () => {
  it('is reported when damaged, left untouched, and set aside on request', async () => {
    const file = replicaFile();
    const handle = await open(file, 'r+');
    await handle.write(Buffer.alloc(4096, 0x5a), 0, 4096, 4096);
    await handle.close();
    const before = await fingerprint(file);

    core = await openWorkstationCore(options());
    const info = await core.calls['workspace.info']({});
    expect(info.replicaProblem).toEqual({ kind: 'damaged', file });
    const statuses: string[] = [];
    core.streams['sync.status']({}, (status) => statuses.push(status.connection))();
    expect(statuses).toEqual(['paused']); // nothing to synchronise into
    await expect(core.calls['directory.page']({ filter: {}, language: 'en', offset: 0, limit: 10 })).rejects.toBeInstanceOf(HandlerError);
    expect(await fingerprint(file)).toBe(before);

    const { keptAt } = await core.calls['replica.setAside']({});
    expect(await fingerprint(join(keptAt, file.slice(file.lastIndexOf('/') + 1)))).toBe(before);
    expect((await core.calls['workspace.info']({})).replicaProblem).toBeNull();
    expect(await core.calls['directory.page']({ filter: {}, language: 'en', offset: 0, limit: 10 })).toEqual({ total: 0, rows: [] });
    expect(existsSync(replicaFile())).toBe(true);
  });

  it('is refused when a newer version wrote it', async () => {
    const database = new Database(replicaFile());
    database.pragma('user_version = 7');
    database.close();
    core = await openWorkstationCore(options());
    expect((await core.calls['workspace.info']({})).replicaProblem?.kind).toBe('newer-version');
  });

  it('is not set aside when it is in order', async () => {
    core = await openWorkstationCore(options());
    await expect(core.calls['replica.setAside']({})).rejects.toThrow('nothing to set aside');
    expect(existsSync(replicaFile())).toBe(true);
  });
});
