// Personal data at rest: fields a schema marks `encrypted` are unreadable in the SQLite
// file, and a passphrase-protected replica opens only with its passphrase.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createRxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HandlerError } from './carrier-endpoint';
import { replicaStorage } from './database';
import { getRxStorageSQLite } from './storage';
import { openWorkstationCore, type WorkstationCore } from './workstation-core';

interface Subject {
  id: string;
  personName: string;
  caseNumber: string;
}
const schema: RxJsonSchema<Subject> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, personName: { type: 'string' }, caseNumber: { type: 'string' } },
  required: ['id', 'personName', 'caseNumber'],
  encrypted: ['personName'],
};

let folder: string;
let core: WorkstationCore | undefined;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-encryption-'));
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(folder, { recursive: true, force: true });
});

async function openSubjects(password: string) {
  const storage = getRxStorageSQLite({ folder }) as RxStorage<unknown, unknown>;
  const database = await createRxDatabase<{ subjects: import('rxdb').RxCollection<Subject> }>({ name: 'subjects', storage: replicaStorage(storage, password), password, multiInstance: false });
  try {
    await database.addCollections({ subjects: { schema } });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function fileContents(): Promise<string> {
  const file = join(folder, (await readdir(folder)).find((name) => name.endsWith('.sqlite'))!);
  const database = new Database(file);
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  return (await readFile(file)).toString('latin1');
}

describe('personal data in the local replica', () => {
  it('is encrypted at rest, readable with the password, refused with another', async () => {
    const database = await openSubjects('a long enough secret');
    await database.subjects.insert({ id: 's1', personName: 'Ioana Popescu-Wiśniewska', caseNumber: 'PQ-2010-0042' });
    await database.close();

    const contents = await fileContents();
    expect(contents).toContain('PQ-2010-0042'); // not personal data: stored as is
    expect(contents).not.toContain('Ioana Popescu');

    const again = await openSubjects('a long enough secret');
    expect((await again.subjects.findOne('s1').exec())?.personName).toBe('Ioana Popescu-Wiśniewska');
    await again.close();
    await expect(openSubjects('another long secret')).rejects.toMatchObject({ code: 'DB1' });
  });
});

describe('a replica protected by a passphrase', () => {
  const options = () => ({ dataFolder: folder, centralUrl: 'http://127.0.0.1:9', workspace: 'connected' as const, version: 'test', replicaKey: { kind: 'passphrase' as const } });

  it('waits for a first passphrase, then for the same one at each start', async () => {
    core = await openWorkstationCore(options());
    expect((await core.calls['workspace.info']({})).lock).toBe('choose-passphrase');
    await expect(core.calls['directory.page']({ filter: {}, language: 'en', offset: 0, limit: 5 })).rejects.toBeInstanceOf(HandlerError);
    expect(await core.calls['replica.unlock']({ passphrase: 'correct horse battery staple' })).toEqual({ unlocked: true });
    expect((await core.calls['workspace.info']({})).lock).toBe('open');
    expect(await core.calls['directory.page']({ filter: {}, language: 'en', offset: 0, limit: 5 })).toEqual({ total: 0, rows: [] });
    await core.close();

    core = await openWorkstationCore(options());
    expect((await core.calls['workspace.info']({})).lock).toBe('enter-passphrase');
    await expect(core.calls['replica.unlock']({ passphrase: 'incorrect horse battery' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect((await core.calls['workspace.info']({})).lock).toBe('enter-passphrase');
    await core.calls['replica.unlock']({ passphrase: 'correct horse battery staple' });
    expect((await core.calls['workspace.info']({})).lock).toBe('open');
  });

  it('can be set aside, kept, when the passphrase is lost', async () => {
    core = await openWorkstationCore(options());
    await core.calls['replica.unlock']({ passphrase: 'correct horse battery staple' });
    await core.close();
    core = await openWorkstationCore(options());
    const { keptAt } = await core.calls['replica.setAside']({});
    expect((await readdir(keptAt)).some((name) => name.endsWith('.sqlite'))).toBe(true);
    expect((await core.calls['workspace.info']({})).lock).toBe('choose-passphrase');
  });
});
