// Damaged, truncated, foreign and newer files, and a full disk: each gives a clear error
// naming the problem, and nothing already on disk is changed.
import { createHash } from 'node:crypto';
import { mkdtemp, open, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillWithDefaultSettings, now, type RxJsonSchema, type RxStorageInstance } from 'rxdb';
import { databaseFilePath, getRxStorageSQLite, StorageFileError } from './index';
import type { SQLiteStorageInternals } from './sqlite-storage-instance';

interface Note {
  id: string;
  text: string;
}
const schema = (version: number) =>
  fillWithDefaultSettings<Note>({
    version,
    primaryKey: 'id',
    type: 'object',
    properties: { id: { type: 'string', maxLength: 40 }, text: { type: 'string' } },
    required: ['id', 'text'],
  } as RxJsonSchema<Note>);

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-bad-files-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const row = (id: string, text: string) => ({
  document: { id, text, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: now() } },
});

async function openNotes(version = 0, refuseOlderSchemas = true) {
  const storage = getRxStorageSQLite({ folder, refuseOlderSchemas });
  return (await storage.createStorageInstance<Note>({
    databaseInstanceToken: 'token',
    databaseName: 'notes',
    collectionName: 'notes',
    schema: schema(version),
    options: {},
    multiInstance: false,
    devMode: false,
  })) as RxStorageInstance<Note, SQLiteStorageInternals, Record<string, never>>;
}

async function writeSomeNotes(count = 200) {
  const notes = await openNotes();
  await notes.bulkWrite(Array.from({ length: count }, (_, i) => row(`note-${i}`, `text ${i} ${'z'.repeat(500)}`)), 'test');
  await notes.close();
  // Fold the journal into the main file, as a clean shutdown leaves it.
  const database = new Database(databaseFilePath(folder, 'notes'));
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  return databaseFilePath(folder, 'notes');
}

const fingerprint = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

async function expectProblem(problem: StorageFileError['problem'], action: () => Promise<unknown>) {
  const error = await action().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StorageFileError);
  expect((error as StorageFileError).problem).toBe(problem);
  expect((error as StorageFileError).message).toMatch(/local data/);
}

describe('a database file that cannot be used', () => {
  it('is reported as damaged when pages in its middle are overwritten, and left as it was', async () => {
    const file = await writeSomeNotes();
    const handle = await open(file, 'r+');
    await handle.write(Buffer.alloc(8192, 0xab), 0, 8192, 8192);
    await handle.close();
    const before = await fingerprint(file);
    await expectProblem('damaged', () => openNotes());
    expect(await fingerprint(file)).toBe(before);
  });

  it('is reported as damaged when it was cut short', async () => {
    const file = await writeSomeNotes();
    await truncate(file, 20_000);
    const before = await fingerprint(file);
    await expectProblem('damaged', () => openNotes());
    expect(await fingerprint(file)).toBe(before);
  });

  it('is reported as damaged when it is not a database at all', async () => {
    const file = databaseFilePath(folder, 'notes');
    await writeFile(file, 'These are minutes of a meeting, not a database.\n'.repeat(200));
    const before = await fingerprint(file);
    await expectProblem('damaged', () => openNotes());
    expect(await fingerprint(file)).toBe(before);
  });

  it('is refused when a newer version of the application wrote its format', async () => {
    const file = await writeSomeNotes();
    const database = new Database(file);
    database.pragma('user_version = 99');
    database.close();
    const before = await fingerprint(file);
    await expectProblem('newer-version', () => openNotes());
    expect(await fingerprint(file)).toBe(before);
  });

  it('is refused when it holds a newer schema version of a collection', async () => {
    const newer = await openNotes(1);
    await newer.bulkWrite([row('kept', 'written by a newer version')], 'test');
    await newer.close();
    await expectProblem('newer-version', () => openNotes(0));
    const again = await openNotes(1);
    expect((await again.findDocumentsById(['kept'], false)).map((note) => note.text)).toEqual(['written by a newer version']);
    await again.close();
  });
});

describe('a full disk', () => {
  it('refuses the write with a clear error, writes none of the batch and keeps what was there', async () => {
    await writeSomeNotes(20);
    const notes = await openNotes();
    const connection = notes.internals.file.connection;
    const pages = connection.pragma('page_count', { simple: true }) as number;
    connection.pragma(`max_page_count = ${pages + 2}`);
    const big = Array.from({ length: 50 }, (_, i) => row(`big-${i}`, 'x'.repeat(20_000)));
    await expectProblem('disk-full', () => notes.bulkWrite(big, 'test'));
    expect(await notes.findDocumentsById(big.map((r) => r.document.id), true)).toEqual([]);
    expect(await notes.findDocumentsById(['note-0', 'note-19'], false)).toHaveLength(2);
    connection.pragma('max_page_count = 1073741823');
    const result = await notes.bulkWrite([row('after-space-freed', 'fine')], 'test');
    expect(result.error).toEqual([]);
    await notes.close();
  });
});

describe('a removed database', () => {
  it('leaves no file behind once all its collections are removed', async () => {
    const notes = await openNotes();
    await notes.bulkWrite([row('a', 'b')], 'test');
    const file = notes.internals.file.path;
    const { existsSync } = await import('node:fs');
    expect(existsSync(file)).toBe(true);
    await notes.remove();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
