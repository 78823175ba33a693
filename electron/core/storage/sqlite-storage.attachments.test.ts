// Attachments live in the database file, come back as Blobs with their type, survive a
// restart and go with their document.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { getRxStorageSQLite } from './index';

interface Request {
  id: string;
  title: string;
}
type Database = RxDatabase<{ requests: RxCollection<Request> }>;
let folder: string;
addRxPlugin(RxDBAttachmentsPlugin);

const open = async () => {
  const database: Database = await createRxDatabase({ name: 'attachments', storage: getRxStorageSQLite({ folder }), multiInstance: false });
  await database.addCollections({
    requests: {
      schema: {
        version: 0,
        primaryKey: 'id',
        type: 'object',
        properties: { id: { type: 'string', maxLength: 40 }, title: { type: 'string' } },
        required: ['id', 'title'],
        attachments: {},
      },
    },
  });
  return database;
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-attachments-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

it('stores attachments in SQLite and gives them back as Blobs, also after a restart', async () => {
  const diploma = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
  let database = await open();
  const request = await database.requests.insert({ id: 'r1', title: 'Diploma of Dr. Ionescu' });
  await request.putAttachment({ id: 'diploma.pdf', data: new Blob([diploma], { type: 'application/pdf' }), type: 'application/pdf' });
  await (await database.requests.findOne('r1').exec())!.putAttachment({ id: 'note.txt', data: new Blob(['Bitte bestätigen'], { type: 'text/plain' }), type: 'text/plain' });
  await database.close();

  database = await open();
  const stored = (await database.requests.findOne('r1').exec())!;
  expect(stored.allAttachments().map((attachment) => attachment.id).sort()).toEqual(['diploma.pdf', 'note.txt']);
  const pdf = await stored.getAttachment('diploma.pdf')!.getData();
  expect(pdf.type).toBe('application/pdf');
  expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(diploma);
  expect(await stored.getAttachment('note.txt')!.getStringData()).toBe('Bitte bestätigen');

  await stored.getAttachment('note.txt')!.remove();
  const after = (await database.requests.findOne('r1').exec())!;
  expect(after.allAttachments().map((attachment) => attachment.id)).toEqual(['diploma.pdf']);
  await after.remove();
  expect(await database.requests.findOne('r1').exec()).toBeNull();
  await database.close();
});
