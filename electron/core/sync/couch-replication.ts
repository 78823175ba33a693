// Replicates one RxDB collection with one database of a CouchDB-compatible server, through
// RxDB's replication protocol with our own pull and push handlers:
// - pull reads `_changes` (include_docs, main revisions only) in batches, reading the next
//   batch while the current one is written; design documents and documents of other kinds
//   (another id prefix) are skipped; deletions arrive as deletions, also as bare stubs;
// - push reads the server's current revisions and writes with `_bulk_docs`; a document the
//   server changed meanwhile comes back as a conflict (RxDB resolves it, master wins by
//   default); a document the server refuses (`forbidden`, `unauthorized`) is quarantined;
// - documents from the server that fail the schema are quarantined, never written;
// - nothing one document does stops the others.
import { Subject } from 'rxjs';
import { deepEqual, type RxCollection, type RxReplicationPullStreamItem, type RxReplicationWriteToMasterRow, type WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { readChanges, readDocuments, writeDocuments, SyncFailure, type ChangeRow, type Sequence } from './couch-changes';
import type { Quarantine } from './quarantine';
import { attachmentDigestsField, attachmentsFromServer, attachmentsToServer, attachmentVersions, fetchMissingAttachmentData, type ReplicaAttachment } from './couch-attachments';

export type Checkpoint = { sequence: Sequence };

/** The verdict of a collection's schema on a document from the server. */
export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface BatchReport {
  direction: 'pull' | 'push';
  /** Documents written into the replica (pull) or onto the server (push). */
  documents: number;
  /** Rows of the server's change feed read (pull), including skipped ones. */
  rows: number;
  /** Bytes of the documents read or written (their JSON). */
  bytes: number;
  /** Push: the primary keys of the rows the batch handled (written, refused or in conflict). */
  ids?: string[];
  /** Push: rows the server had changed meanwhile, given back to RxDB as conflicts. */
  conflicts?: number;
}

export interface CouchReplicationOptions<T> {
  collection: RxCollection<T>;
  databaseUrl: string;
  /** Names the replication's checkpoints in the replica: one per collection and server database. */
  identifier: string;
  /** Server ids are this prefix followed by the document's primary key. */
  idPrefix?: string;
  /** Checks documents from the server; without it they are taken as they come. */
  validate?: (document: Record<string, unknown>) => Validation<T>;
  live?: boolean;
  pull?: { batchSize?: number } | false;
  push?: { batchSize?: number } | false;
  quarantine: Quarantine;
  /** Tells a live replication that the server has changes (from a database watcher). */
  changes?: Subject<void>;
  onBatch?: (report: BatchReport) => void;
  /** Delay before RxDB retries after a failed handler call. */
  retryTime?: number;
  requestTimeoutMs?: number;
}

export interface CouchReplication<T> {
  state: RxReplicationState<T, Checkpoint>;
  /** Pushes the quarantined (refused) documents again and pulls refused-by-schema ones again. */
  retryQuarantined(): Promise<void>;
  stop(): Promise<void>;
}

const serverOnlyFields = ['_id', '_rev', '_revisions', '_conflicts', '_attachments', '_deleted_conflicts', '_local_seq', attachmentDigestsField];

export function replicateWithCouch<T>(options: CouchReplicationOptions<T>): CouchReplication<T> {
  const { collection, databaseUrl, quarantine } = options;
  const prefix = options.idPrefix ?? '';
  const primaryPath = collection.schema.primaryPath as string;
  const hasAttachments = collection.schema.jsonSchema.attachments !== undefined;
  const name = collection.name;
  const stopping = new AbortController();
  const signal = () => AbortSignal.any([stopping.signal, AbortSignal.timeout(options.requestTimeoutMs ?? 60_000)]);
  const pullStream = new Subject<RxReplicationPullStreamItem<T, Checkpoint>>();
  const subscription = options.changes?.subscribe(() => pullStream.next('RESYNC'));

  const serverId = (document: { [key: string]: unknown }) => `${prefix}${String(document[primaryPath])}`;

  /** A server document as the replica holds it (without the server's own fields). */
  function fromServer(document: Record<string, unknown>): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(document)) if (!serverOnlyFields.includes(key)) result[key] = value;
    result[primaryPath] = String(document['_id']).slice(prefix.length);
    result['_deleted'] = document['_deleted'] === true;
    if (hasAttachments) result['_attachments'] = attachmentsFromServer(document);
    return result;
  }

  const documentUrl = (id: string) => `${databaseUrl}/${encodeURIComponent(id)}`;

  /** Gives a server state the attachment data the replica lacks; resolves with the bytes read. */
  async function withAttachmentData(state: Record<string, unknown>, held: unknown): Promise<number> {
    const attachments = state['_attachments'] as Record<string, ReplicaAttachment> | undefined;
    if (!hasAttachments || !attachments || Object.keys(attachments).length === 0) return 0;
    return fetchMissingAttachmentData(documentUrl(serverId(state)), attachments, held as Record<string, ReplicaAttachment> | undefined, signal());
  }

  /** A replica document as the server holds it. */
  async function toServer(document: WithDeleted<T>): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = { _id: serverId(document as Record<string, unknown>) };
    if (hasAttachments) Object.assign(result, await attachmentsToServer((document as { _attachments?: Record<string, ReplicaAttachment> })._attachments));
    for (const [key, value] of Object.entries(document as Record<string, unknown>)) {
      if (key === '_meta' || key === '_rev' || key === '_attachments' || key === '_deleted') continue;
      result[key] = value;
    }
    if (document._deleted) result['_deleted'] = true;
    return result;
  }

  /** Compares content only: the server's and the replica's bookkeeping fields differ. */
  function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
    const strip = (document: Record<string, unknown>) => {
      const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = document;
      return { ...rest, _deleted: document['_deleted'] === true, ...(hasAttachments ? { _attachments: attachmentVersions(_a) } : {}) };
    };
    return deepEqual(strip(a), strip(b));
  }

  async function toReplica(row: ChangeRow): Promise<WithDeleted<T> | undefined> {
    const id = row.id.slice(prefix.length);
    const document = fromServer({ ...(row.doc ?? {}), _id: row.id, _deleted: row.deleted === true || row.doc?.['_deleted'] === true });
    const checked = options.validate ? options.validate(document) : ({ ok: true, value: document as T } as Validation<T>);
    if (checked.ok) {
      quarantine.remove(name, 'pull', id);
      const state = { ...(checked.value as object), [primaryPath]: id, _deleted: document['_deleted'] } as Record<string, unknown>;
      if (hasAttachments) {
        state['_attachments'] = document['_attachments'];
        const held = (await collection.findOne(id).exec())?.toJSON(true) as { _attachments?: unknown } | undefined;
        attachmentBytes += await withAttachmentData(state, held?._attachments);
      }
      return state as WithDeleted<T>;
    }
    if (document['_deleted']) {
      // A deletion stub carries no content: delete what the replica holds, if anything.
      const local = await collection.findOne(id).exec();
      quarantine.remove(name, 'pull', id);
      return local ? ({ ...local.toMutableJSON(), _deleted: true } as WithDeleted<T>) : undefined;
    }
    quarantine.add({ collection: name, documentId: id, direction: 'pull', reason: checked.reason, document: row.doc });
    return undefined;
  }

  const changesRequest = (since: Sequence, limit: number) =>
    readChanges(databaseUrl, { since, limit, includeDocs: true, waitMs: 0 }, signal());

  // The next batch, asked for while the current one is written into the replica.
  let prefetch: { since: Sequence; limit: number; result: ReturnType<typeof changesRequest> } | undefined;

  let lastCheckpoint: Checkpoint = { sequence: 0 };
  let attachmentBytes = 0;

  // Where a pull from a checkpoint found nothing for this collection up to the end of the
  // feed: RxDB keeps its checkpoint when a batch is empty, so the next pull starts further on.
  const skipAhead = new Map<string, Sequence>();

  /** The next batch of rows from `since`, taken from the read ahead when it is the one asked for. */
  async function nextChanges(since: Sequence, batchSize: number) {
    const request = prefetch && prefetch.since === since && prefetch.limit === batchSize ? prefetch.result : changesRequest(since, batchSize);
    prefetch = undefined;
    const changes = await request;
    if (changes.results.length >= batchSize) {
      const next = changesRequest(changes.last_seq, batchSize);
      next.catch(() => {}); // a failure is met again when the next batch is asked for
      prefetch = { since: changes.last_seq, limit: batchSize, result: next };
    }
    return changes;
  }

  /**
   * Reads the feed until it has a full batch of this collection's documents or reaches the
   * end: RxDB takes a short batch as the end of the feed, and the feed also holds rows this
   * collection skips (design documents, other kinds, documents set aside).
   */
  async function pullBatch(checkpoint: Checkpoint | undefined, batchSize: number) {
    const start = checkpoint?.sequence ?? 0;
    let since = skipAhead.get(String(start)) ?? start;
    const documents: WithDeleted<T>[] = [];
    let rows = 0;
    let bytes = 0;
    let atEnd = false;
    attachmentBytes = 0;
    while (documents.length < batchSize) {
      const changes = await nextChanges(since, batchSize);
      rows += changes.results.length;
      bytes += changes.bytes;
      for (const row of changes.results) {
        if (row.id.startsWith('_design/') || !row.id.startsWith(prefix)) continue;
        const document = await toReplica(row);
        if (document) documents.push(document);
      }
      if (changes.results.length > 0) since = changes.last_seq;
      if (changes.results.length < batchSize) {
        atEnd = true;
        break;
      }
    }
    if (documents.length === 0 && atEnd && since !== start) skipAhead.set(String(start), since);
    options.onBatch?.({ direction: 'pull', documents: documents.length, rows, bytes: bytes + attachmentBytes });
    lastCheckpoint = { sequence: since };
    return { documents, checkpoint: lastCheckpoint };
  }

  async function pushRows(rows: RxReplicationWriteToMasterRow<T>[]): Promise<WithDeleted<T>[]> {
    const ids = rows.map((row) => serverId(row.newDocumentState as Record<string, unknown>));
    const current = await readDocuments(databaseUrl, ids, signal());
    const conflicts: WithDeleted<T>[] = [];
    const writes: Record<string, unknown>[] = [];
    const rowOf = new Map<string, RxReplicationWriteToMasterRow<T>>();
    for (const [index, row] of rows.entries()) {
      const id = ids[index]!;
      const master = current.get(id);
      const masterState = master ? (fromServer(master) as WithDeleted<T>) : undefined;
      const assumed = row.assumedMasterState as Record<string, unknown> | undefined;
      const agrees = masterState ? assumed !== undefined && sameContent(masterState as Record<string, unknown>, assumed) : assumed === undefined || assumed['_deleted'] === true;
      if (!agrees && masterState) {
        await withAttachmentData(masterState as Record<string, unknown>, (row.newDocumentState as { _attachments?: unknown })._attachments);
        conflicts.push(masterState);
        continue;
      }
      // A deleted or absent document is written anew; a current one at its revision.
      writes.push({ ...(await toServer(row.newDocumentState)), ...(master ? { _rev: master._rev } : {}) });
      rowOf.set(id, row);
    }
    if (writes.length === 0) return conflicts;
    const results = await writeDocuments(databaseUrl, writes, signal());
    const conflicted: string[] = [];
    let written = 0;
    let bytes = 0;
    for (const [index, result] of results.entries()) {
      const id = result.id ?? String(writes[index]?.['_id']);
      const row = rowOf.get(id);
      const localId = id.slice(prefix.length);
      if (result.error === 'conflict') conflicted.push(id);
      else if (result.error === 'forbidden' || result.error === 'unauthorized') {
        quarantine.add({ collection: name, documentId: localId, direction: 'push', reason: result.reason ?? result.error, document: row?.newDocumentState });
      } else if (result.error) {
        throw new SyncFailure('server-error', `The central server did not store ${localId}: ${result.reason ?? result.error}.`);
      } else {
        quarantine.remove(name, 'push', localId);
        written++;
        bytes += JSON.stringify(writes[index]).length;
      }
    }
    if (conflicted.length > 0) {
      // Changed on the server between our read and our write: its state comes back as a conflict.
      const now = await readDocuments(databaseUrl, conflicted, signal());
      for (const id of conflicted) {
        const master = now.get(id);
        if (!master) continue;
        const state = fromServer(master);
        await withAttachmentData(state, (rowOf.get(id)?.newDocumentState as { _attachments?: unknown } | undefined)?._attachments);
        conflicts.push(state as WithDeleted<T>);
      }
    }
    options.onBatch?.({ direction: 'push', documents: written, rows: rows.length, bytes, ids: ids.map((id) => id.slice(prefix.length)), conflicts: conflicts.length });
    return conflicts;
  }

  const state = replicateRxCollection<T, Checkpoint>({
    replicationIdentifier: options.identifier,
    collection,
    live: options.live ?? true,
    retryTime: options.retryTime ?? 3_000,
    waitForLeadership: false,
    autoStart: true,
    pull:
      options.pull === false
        ? undefined
        : { batchSize: options.pull?.batchSize ?? 500, stream$: pullStream.asObservable(), handler: (checkpoint, batchSize) => pullBatch(checkpoint, batchSize) },
    push: options.push === false ? undefined : { batchSize: options.push?.batchSize ?? 100, handler: pushRows },
  });

  return {
    state,
    async retryQuarantined() {
      const pushed = quarantine.list(name).filter((entry) => entry.direction === 'push');
      if (pushed.length > 0) {
        const documents = await collection.findByIds(pushed.map((entry) => entry.documentId)).exec();
        const rows = [...documents.values()].map((document) => ({ newDocumentState: document.toMutableJSON(true) as WithDeleted<T> }));
        if (rows.length > 0) await pushRows(rows);
      }
      // Documents refused by the schema are read again from the server and, if they pass now,
      // handed to the replication as documents from the server.
      const pulled = quarantine.list(name).filter((entry) => entry.direction === 'pull');
      if (pulled.length > 0) {
        const found = await readDocuments(databaseUrl, pulled.map((entry) => `${prefix}${entry.documentId}`), signal());
        const documents: WithDeleted<T>[] = [];
        for (const entry of pulled) {
          const server = found.get(`${prefix}${entry.documentId}`);
          if (!server) {
            quarantine.remove(name, 'pull', entry.documentId); // gone from the server meanwhile
            continue;
          }
          const document = await toReplica({ id: server._id, seq: 0, doc: server });
          if (document) documents.push(document);
        }
        if (documents.length > 0) pullStream.next({ documents, checkpoint: lastCheckpoint });
      }
    },
    async stop() {
      stopping.abort();
      subscription?.unsubscribe();
      pullStream.complete();
      await state.cancel();
    },
  };
}
