// getChangedDocumentsSince: every change exactly once, in the order of writing, in pages.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillWithDefaultSettings, type RxJsonSchema, type RxStorageDefaultCheckpoint, type RxStorageInstance } from 'rxdb';
import { getRxStorageSQLite } from './index';

interface Item {
  id: string;
  value: number;
}
let folder: string;
let items: RxStorageInstance<Item, unknown, unknown, RxStorageDefaultCheckpoint>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-changes-'));
  const schema = fillWithDefaultSettings<Item>({
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: { id: { type: 'string', maxLength: 20 }, value: { type: 'number' } },
    required: ['id', 'value'],
  } as RxJsonSchema<Item>);
  items = (await getRxStorageSQLite({ folder }).createStorageInstance<Item>({
    databaseInstanceToken: 't',
    databaseName: 'changes',
    collectionName: 'items',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  })) as unknown as typeof items;
});
afterAll(async () => {
  await items.close();
  await rm(folder, { recursive: true, force: true });
});

it('lists every change once, oldest first, page by page', async () => {
  // Several documents share one write time: the id breaks the tie.
  const rows = Array.from({ length: 25 }, (_, i) => ({
    document: { id: `item-${String(24 - i).padStart(2, '0')}`, value: i, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: 1000 + Math.floor(i / 5) } },
  }));
  expect((await items.bulkWrite(rows, 'test')).error).toEqual([]);
  const seen: string[] = [];
  let checkpoint: RxStorageDefaultCheckpoint | undefined;
  for (;;) {
    const page = await items.getChangedDocumentsSince!(4, checkpoint);
    if (page.documents.length === 0) break;
    seen.push(...page.documents.map((document) => document.id));
    checkpoint = page.checkpoint;
  }
  const expected = [...rows].sort((a, b) => a.document._meta.lwt - b.document._meta.lwt || (a.document.id < b.document.id ? -1 : 1)).map((row) => row.document.id);
  expect(seen).toEqual(expected);
  expect(checkpoint).toEqual({ id: expected.at(-1), lwt: 1004 });
});

it('keeps databases in memory, writing no file, when the folder is ":memory:"', async () => {
  const { readdirSync } = await import('node:fs');
  const before = readdirSync(process.cwd()).length;
  const storage = getRxStorageSQLite({ folder: ':memory:' });
  const schema = fillWithDefaultSettings<Item>({ version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 20 }, value: { type: 'number' } }, required: ['id', 'value'] } as RxJsonSchema<Item>);
  const params = { databaseInstanceToken: 't', databaseName: 'in-memory', collectionName: 'items', schema, options: {}, multiInstance: false, devMode: false };
  const first = await storage.createStorageInstance<Item>(params);
  await first.bulkWrite([{ document: { id: 'a', value: 1, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: 1 } } }], 'test');
  const second = await storage.createStorageInstance<Item>(params);
  expect((await second.findDocumentsById(['a'], false)).map((item) => item.value)).toEqual([1]);
  await first.close();
  await second.close();
  expect(readdirSync(process.cwd()).length).toBe(before);
});
