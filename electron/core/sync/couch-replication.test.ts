// The CouchDB handlers on their own, against a real PouchDB server process: a storm of 409
// conflicts, a row the server forbids in the middle of a batch, a feed that starts with
// many rows of other kinds, and deletions that arrive as bare stubs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { Subject } from 'rxjs';
import { CentralClient } from '../../../server/central-client';
import { startCentralProcess, type CentralProcess } from '../../../server/testing/central-process';
import { getRxStorageSQLite } from '../storage';
import { waitFor } from '../testing/wait-for';
import { replicateWithCouch } from './couch-replication';
import { Quarantine } from './quarantine';

type Note = { id: string; text: string; local: number; server: number };
const noteSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 100 }, text: { type: 'string' }, local: { type: 'number' }, server: { type: 'number' } },
  required: ['id', 'text', 'local', 'server'],
} as const;

let server: CentralProcess;
let client: CentralClient;
let databaseCount = 0;
const open: RxDatabase[] = [];

beforeAll(async () => {
  server = await startCentralProcess({ authorities: 0 });
  client = new CentralClient(server.url);
}, 120_000);

afterAll(async () => {
  for (const database of open) await database.close();
  await server?.kill();
});

async function notesDatabase(validate?: string) {
  const name = `notes-${++databaseCount}`;
  await client.expect('PUT', name, [201]);
  if (validate) await client.expect('PUT', `${name}/_design/rules`, [201], { validate_doc_update: validate });
  const database = await createRxDatabase({ name: `notes${databaseCount}`, storage: wrappedValidateAjvStorage({ storage: getRxStorageSQLite({ folder: ':memory:' }) }), multiInstance: false });
  open.push(database);
  const { notes } = await database.addCollections({ notes: { schema: noteSchema } });
  return { url: `${server.url}/${name}`, notes: notes as RxCollection<Note> };
}

function replicate(url: string, notes: RxCollection<Note>, quarantine = new Quarantine(), options: { batchSize?: number; prefix?: string; accept?: (document: Record<string, unknown>) => boolean } = {}) {
  const changes = new Subject<void>();
  const counts = { conflicts: 0 };
  const replication = replicateWithCouch<Note>({
    collection: notes,
    databaseUrl: url,
    identifier: `notes-${url}`,
    idPrefix: options.prefix ?? 'note:',
    quarantine,
    changes,
    retryTime: 100,
    pull: { batchSize: options.batchSize ?? 50 },
    onBatch: (report) => (counts.conflicts += report.conflicts ?? 0),
    validate: (document) =>
      (options.accept ?? (() => true))(document) &&
      typeof document['text'] === 'string' && typeof document['local'] === 'number' && typeof document['server'] === 'number'
        ? { ok: true, value: document as unknown as Note }
        : { ok: false, reason: 'text, local and server are required' },
  });
  return { replication, changes, quarantine, counts };
}

async function serverNotes(url: string) {
  const body = (await client.expect('GET', `${url.slice(server.url.length + 1)}/_all_docs?include_docs=true&conflicts=true`, [200])) as {
    rows: { id: string; doc: Record<string, unknown> & { _conflicts?: string[] } }[];
  };
  return body.rows.filter((row) => row.id.startsWith('note:')).map((row) => row.doc);
}

describe('the CouchDB handlers', () => {
  it('converge through a storm of 409 conflicts, the server’s version winning', async () => {
    const { url, notes } = await notesDatabase();
    await notes.bulkInsert(Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, text: `note ${i}`, local: 0, server: 0 })));
    const { replication, changes, counts } = replicate(url, notes);
    await replication.state.awaitInSync();
    const path = url.slice(server.url.length + 1);
    let conflictsSeen = 0;
    // Each round the workstation changes every note and, before its upload is through, another
    // writer changes the same notes on the server.
    for (let round = 1; round <= 40; round++) {
      const documents = await notes.find().exec();
      await Promise.all(documents.map((document) => document.incrementalPatch({ local: round })));
      const current = await serverNotes(url);
      const results = (await client.expect('POST', `${path}/_bulk_docs`, [201], { docs: current.map((doc) => ({ ...doc, server: round })) })) as { error?: string }[];
      conflictsSeen += results.filter((r) => r.error === 'conflict').length;
      changes.next();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    changes.next();
    await replication.state.awaitInSync();
    replication.state.reSync();
    await replication.state.awaitInSync();
    const onServer = await serverNotes(url);
    expect(onServer).toHaveLength(40);
    for (const doc of onServer) expect(doc._conflicts).toBeUndefined();
    const local = await notes.find().exec();
    const byId = new Map(onServer.map((doc) => [String(doc['_id']).slice('note:'.length), doc]));
    for (const document of local) {
      const doc = byId.get(document.id)!;
      expect({ text: document.text, local: document.local, server: document.server }).toEqual({ text: doc['text'], local: doc['local'], server: doc['server'] });
    }
    console.log(`${counts.conflicts} conflicts met by the workstation, ${conflictsSeen} by the other writer`);
    expect(counts.conflicts).toBeGreaterThan(0); // the storm did hit the workstation's pushes
    await replication.stop();
  }, 120_000);

  it('quarantines a row the server forbids in the middle of a batch and goes on with the rest', async () => {
    const { url, notes } = await notesDatabase(`function (newDoc) { if (newDoc.text === 'forbidden') throw({ forbidden: 'This note may not be stored.' }); }`);
    const quarantine = new Quarantine();
    const { replication } = replicate(url, notes, quarantine);
    await notes.bulkInsert(Array.from({ length: 9 }, (_, i) => ({ id: `n${i}`, text: i === 4 ? 'forbidden' : `note ${i}`, local: 0, server: 0 })));
    await replication.state.awaitInSync();
    expect((await serverNotes(url)).map((doc) => doc['_id']).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n5', 'n6', 'n7', 'n8'].map((id) => `note:${id}`));
    expect(quarantine.list().map((entry) => [entry.documentId, entry.direction, entry.reason])).toEqual([['n4', 'push', 'This note may not be stored.']]);
    // Nothing is stalled: later writes go up.
    await notes.insert({ id: 'n9', text: 'after', local: 0, server: 0 });
    await replication.state.awaitInSync();
    expect((await serverNotes(url)).map((doc) => doc['_id'])).toContain('note:n9');
    // Corrected, the set-aside note goes up and leaves the quarantine.
    await (await notes.findOne('n4').exec())!.incrementalPatch({ text: 'corrected' });
    await replication.state.awaitInSync();
    expect((await serverNotes(url)).find((doc) => doc['_id'] === 'note:n4')?.['text']).toBe('corrected');
    expect(quarantine.size).toBe(0);
    await replication.stop();
  }, 60_000);

  it('reads past a long run of rows of other kinds, and applies deletions that arrive as stubs', async () => {
    const { url, notes } = await notesDatabase();
    const path = url.slice(server.url.length + 1);
    // Many rows this collection skips, then its own, then more skipped rows.
    await client.expect('POST', `${path}/_bulk_docs`, [201], { docs: Array.from({ length: 230 }, (_, i) => ({ _id: `other:${i}`, x: i })) });
    await client.expect('POST', `${path}/_bulk_docs`, [201], { docs: Array.from({ length: 25 }, (_, i) => ({ _id: `note:s${i}`, text: `server ${i}`, local: 0, server: 1 })) });
    await client.expect('POST', `${path}/_bulk_docs`, [201], { docs: Array.from({ length: 120 }, (_, i) => ({ _id: `other:b${i}`, x: i })) });
    await client.expect('POST', `${path}/_bulk_docs`, [201], { docs: [{ _id: 'note:broken', text: 7 }] });
    const quarantine = new Quarantine();
    const { replication } = replicate(url, notes, quarantine, { batchSize: 10 });
    await replication.state.awaitInitialReplication();
    expect(await notes.count().exec()).toBe(25);
    expect(quarantine.list().map((entry) => entry.documentId)).toEqual(['broken']);
    // A deletion made on the server the plain way (a stub without content).
    const stub = (await client.expect('GET', `${path}/note%3As3`, [200])) as { _rev: string };
    await client.expect('DELETE', `${path}/note%3As3?rev=${stub._rev}`, [200]);
    replication.state.reSync();
    await waitFor('the deletion', async () => (await notes.findOne('s3').exec()) === null);
    expect(await notes.count().exec()).toBe(24);
    await replication.stop();
  }, 60_000);

  it('tries set-aside documents again on request: refused uploads and refused downloads', async () => {
    const { url, notes } = await notesDatabase(`function (newDoc) { if (newDoc.text === 'held') throw({ forbidden: 'Held for review.' }); }`);
    const path = url.slice(server.url.length + 1);
    await client.expect('PUT', `${path}/note%3Aincoming`, [201], { text: 'new kind', local: 0, server: 0 });
    let acceptNewKind = false;
    const quarantine = new Quarantine();
    const { replication } = replicate(url, notes, quarantine, { accept: (document) => document['text'] !== 'new kind' || acceptNewKind });
    await notes.insert({ id: 'outgoing', text: 'held', local: 0, server: 0 });
    await replication.state.awaitInSync();
    expect(quarantine.list().map((entry) => `${entry.direction}/${entry.documentId}`).sort()).toEqual(['pull/incoming', 'push/outgoing']);

    // Still refused: still set aside, nothing lost.
    await replication.retryQuarantined();
    expect(quarantine.size).toBe(2);
    expect(await notes.findOne('outgoing').exec()).not.toBeNull();

    // The server's rule and this workstation's checks change (e.g. after an update): both go through.
    const rules = (await client.expect('GET', `${path}/_design/rules`, [200])) as { _rev: string };
    await client.expect('PUT', `${path}/_design/rules`, [201], { _rev: rules._rev, validate_doc_update: 'function () {}' });
    acceptNewKind = true;
    await replication.retryQuarantined();
    await waitFor('the downloaded document', async () => (await notes.findOne('incoming').exec()) !== null);
    expect(quarantine.size).toBe(0);
    expect((await serverNotes(url)).map((doc) => doc['_id'])).toContain('note:outgoing');
    await replication.stop();
  }, 60_000);
});
