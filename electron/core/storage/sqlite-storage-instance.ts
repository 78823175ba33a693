// One RxDB collection (at one schema version) stored in SQLite: documents as JSON with
// one indexed column per schema index, attachments as BLOBs, changes as an event stream.
//
// A write is acknowledged once it is committed to the table of pending writes (an append,
// cheap); its index columns are written a moment later, or before the next read that needs
// them (like RxDB's memory storage, which also defers its index work). After a crash, the
// pending writes are applied when the table is opened again: no acknowledged write is lost.
import type Database from 'better-sqlite3';
import type { Observable, Subject } from 'rxjs';
import {
  categorizeBulkWriteRows,
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  now,
  type BulkWriteRow,
  type EventBulk,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageCountResult,
  type RxStorageDefaultCheckpoint,
  type RxStorageInstance,
  type RxStorageQueryResult,
  type StringKeys,
} from 'rxdb';
import { releaseDatabaseFile, tableState, type DatabaseFile } from './database-file';
import type { DocumentCache, TableState } from './document-cache';
import { indexColumnsOf, indexKey, indexName, type IndexColumn } from './index-keys';
import { explainSqliteErrors } from './storage-errors';
import { dropTables, type CollectionTables } from './sqlite-tables';

export interface SQLiteStorageInternals {
  file: DatabaseFile;
}

type Row = { data: string };
type Attachment = { documentId: string; attachmentId: string; attachmentData: { data: Blob; type: string; digest?: string }; digest: string };

export class SQLiteStorageInstance<RxDocType> implements RxStorageInstance<RxDocType, SQLiteStorageInternals, Record<string, never>, RxStorageDefaultCheckpoint> {
  readonly primaryPath: StringKeys<RxDocumentData<RxDocType>>;
  private readonly indexes: IndexColumn[];
  private readonly indexByName: Map<string, IndexColumn>;
  private readonly shared: TableState;
  private readonly cache: DocumentCache<RxDocumentData<RxDocType>>;
  private readonly changes: Subject<EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>>;
  private readonly preparedStatements = new Map<string, Database.Statement>();
  private closed = false;
  private readonly db: Database.Database;
  private readonly statements: {
    logWrite: Database.Statement;
    pendingWrites: Database.Statement;
    clearPending: Database.Statement;
    upsert: Database.Statement;
    byIds: Database.Statement;
    byId: Database.Statement;
    putAttachment: Database.Statement;
    deleteAttachment: Database.Statement;
    getAttachment: Database.Statement;
  };

  constructor(
    readonly databaseName: string,
    readonly collectionName: string,
    readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>,
    readonly internals: SQLiteStorageInternals,
    readonly options: Readonly<Record<string, never>>,
    private readonly tables: CollectionTables,
  ) {
    this.primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as StringKeys<RxDocumentData<RxDocType>>;
    this.indexes = indexColumnsOf(schema as RxJsonSchema<RxDocumentData<RxDocType>>);
    this.indexByName = new Map(this.indexes.map((index) => [indexName(index.fields), index]));
    this.db = internals.file.connection;
    this.shared = tableState(internals.file, tables.documents);
    this.shared.instances += 1;
    this.cache = this.shared.cache as DocumentCache<RxDocumentData<RxDocType>>;
    this.changes = this.shared.changes as Subject<EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>>;
    const columns = this.indexes.map((index) => index.column);
    const placeholders = columns.map(() => ', ?').join('');
    const { documents, attachments, pending } = tables;
    this.statements = {
      logWrite: this.db.prepare(`INSERT INTO ${pending} (documents) VALUES (?)`),
      pendingWrites: this.db.prepare(`SELECT sequence, documents FROM ${pending} ORDER BY sequence`).raw(),
      clearPending: this.db.prepare(`DELETE FROM ${pending} WHERE sequence <= ?`),
      upsert: this.db.prepare(
        `INSERT INTO ${documents} (id, data, deleted, lwt${columns.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?, ?${placeholders}) ` +
          `ON CONFLICT (id) DO UPDATE SET data = excluded.data, deleted = excluded.deleted, lwt = excluded.lwt${columns.map((c) => `, ${c} = excluded.${c}`).join('')}`,
      ),
      byIds: this.db.prepare(`SELECT data FROM ${documents} WHERE id IN (SELECT value FROM json_each(?))`),
      byId: this.db.prepare(`SELECT data FROM ${documents} WHERE id = ?`),
      putAttachment: this.db.prepare(`INSERT OR REPLACE INTO ${attachments} (document_id, attachment_id, digest, type, data) VALUES (?, ?, ?, ?, ?)`),
      deleteAttachment: this.db.prepare(`DELETE FROM ${attachments} WHERE document_id = ? AND attachment_id = ?`),
      getAttachment: this.db.prepare(`SELECT digest, type, data FROM ${attachments} WHERE document_id = ? AND attachment_id = ?`),
    };
    this.applyPendingWrites(); // after a crash: the writes acknowledged before it
    if (this.shared.instances === 1) this.warmUp();
  }

  /** Writes the index columns of pending writes, in the order they were acknowledged. */
  private applyPendingWrites() {
    if (!this.shared.pending) return;
    const queue = this.shared.queue as { sequence: number; items: { id: string; json: string; document: RxDocumentData<RxDocType> }[] }[];
    this.run(() => {
      this.db.transaction(() => {
        // Each pending row is one acknowledged write: a JSON array of documents. Those this
        // process wrote are still in memory, with their JSON; others (after a crash) are read.
        const latest = new Map<string, { json: string; document: RxDocumentData<RxDocType> }>();
        let last = 0;
        if (queue.length > 0) {
          for (const entry of queue) {
            for (const item of entry.items) latest.set(item.id, item);
            last = entry.sequence;
          }
        } else {
          for (const [sequence, documents] of this.statements.pendingWrites.iterate() as IterableIterator<[number, string]>) {
            for (const document of JSON.parse(documents) as RxDocumentData<RxDocType>[]) {
              latest.set(document[this.primaryPath] as string, { json: JSON.stringify(document), document });
            }
            last = sequence;
          }
        }
        for (const [id, { json, document }] of latest) {
          this.statements.upsert.run(id, json, document._deleted ? 1 : 0, document._meta.lwt, ...this.indexes.map((index) => index.keyOf(document)));
        }
        if (last > 0) this.statements.clearPending.run(last);
      })();
    });
    queue.length = 0;
    this.shared.pending = false;
  }

  private scheduleApply() {
    this.shared.pending = true;
    if (this.shared.applyScheduled) return;
    this.shared.applyScheduled = true;
    setTimeout(() => {
      this.shared.applyScheduled = false;
      if (this.shared.instances > 0 && this.internals.file.connection.open) {
        try {
          this.applyPendingWrites();
        } catch {
          // Left pending: applied before the next read, or at the next opening.
        }
      }
    }, 0);
  }

  /**
   * Reads a table that fits in the cache into it when it is opened, so that reads after
   * start-up do not wait for JSON to be parsed (the cost moves to opening, once).
   */
  private warmUp() {
    // A table far larger than the cache is not measured (that alone reads every page): its
    // size is estimated from its first rows.
    const sample = this.db.prepare(`SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS chars FROM (SELECT data FROM ${this.tables.documents} LIMIT 100)`).get() as { rows: number; chars: number };
    if (sample.rows === 100) {
      const count = this.db.prepare(`SELECT count(*) FROM ${this.tables.documents}`).pluck().get() as number;
      if (!this.cache.fits((count * sample.chars) / sample.rows / 2)) return;
    }
    const size = this.db.prepare(`SELECT coalesce(sum(length(data)), 0) FROM ${this.tables.documents}`).pluck().get() as number;
    if (!this.cache.fits(size)) return;
    for (const [id, data] of this.db.prepare(`SELECT id, data FROM ${this.tables.documents}`).raw().iterate() as IterableIterator<[string, string]>) {
      this.cache.set(id, JSON.parse(data) as RxDocumentData<RxDocType>, data.length);
    }
    this.cache.complete = true;
  }

  private ensureOpen() {
    if (this.closed) throw new Error(`The storage of collection ${this.collectionName} is closed.`);
  }

  private run<T>(action: () => T): T {
    return explainSqliteErrors(this.internals.file.path, action);
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.preparedStatements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.preparedStatements.set(sql, prepared);
    }
    return prepared;
  }

  private parse(data: string): RxDocumentData<RxDocType> {
    const document = JSON.parse(data) as RxDocumentData<RxDocType>;
    this.cache.set(document[this.primaryPath] as string, document, data.length);
    return document;
  }

  /** The stored documents of these ids, from the cache where it has them. */
  private documentsInDb(ids: readonly string[]): Map<string, RxDocumentData<RxDocType>> {
    const result = new Map<string, RxDocumentData<RxDocType>>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.cache.get(id);
      if (cached) result.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0 || this.cache.complete) return result;
    this.applyPendingWrites();
    if (missing.length <= 32) {
      for (const id of missing) {
        const row = this.statements.byId.get(id) as Row | undefined;
        if (row) result.set(id, this.parse(row.data));
      }
    } else {
      for (const row of this.statements.byIds.all(JSON.stringify(missing)) as Row[]) {
        const document = this.parse(row.data);
        result.set(document[this.primaryPath] as string, document);
      }
    }
    return result;
  }

  /** The documents of these ids, in this order. */
  private documentsInOrder(ids: readonly string[]): RxDocumentData<RxDocType>[] {
    const found = this.documentsInDb(ids);
    return ids.flatMap((id) => {
      const document = found.get(id);
      return document ? [document] : [];
    });
  }

  async bulkWrite(documentWrites: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    this.ensureOpen();
    // Attachment data is read before the write, so that reading the current documents,
    // deciding on conflicts and writing happen in one synchronous, atomic step.
    const attachmentBytes = new Map<Blob, Buffer>();
    for (const row of documentWrites) {
      for (const attachment of Object.values(row.document._attachments ?? {})) {
        const data = (attachment as { data?: unknown }).data;
        if (data instanceof Blob && !attachmentBytes.has(data)) attachmentBytes.set(data, Buffer.from(await data.arrayBuffer()));
      }
    }
    this.ensureOpen();
    return this.run(() => {
      const ids = documentWrites.map((row) => row.document[this.primaryPath] as string);
      const categorized = categorizeBulkWriteRows<RxDocType>(this, this.primaryPath as StringKeys<RxDocType>, this.documentsInDb(ids), documentWrites, context);
      const putAttachment = (attachment: Attachment) => {
        const bytes = attachmentBytes.get(attachment.attachmentData.data) ?? Buffer.alloc(0);
        this.statements.putAttachment.run(attachment.documentId, attachment.attachmentId, attachment.digest, attachment.attachmentData.type, bytes);
      };
      const written = [...categorized.bulkInsertDocs, ...categorized.bulkUpdateDocs];
      const items = written.map((row) => ({ id: row.document[this.primaryPath] as string, json: JSON.stringify(row.document), document: row.document }));
      let sequence = 0;
      this.db.transaction(() => {
        if (items.length > 0) sequence = Number(this.statements.logWrite.run(`[${items.map((item) => item.json).join(',')}]`).lastInsertRowid);
        (categorized.attachmentsAdd as Attachment[]).forEach(putAttachment);
        (categorized.attachmentsUpdate as Attachment[]).forEach(putAttachment);
        for (const attachment of categorized.attachmentsRemove) {
          this.statements.deleteAttachment.run(attachment.documentId, attachment.attachmentId);
        }
      })();
      for (const item of items) this.cache.set(item.id, item.document, item.json.length);
      if (items.length > 0) {
        this.shared.queue.push({ sequence, items });
        this.scheduleApply();
      }
      if (categorized.eventBulk.events.length > 0 && categorized.newestRow) {
        const newest = categorized.newestRow.document;
        categorized.eventBulk.checkpoint = { id: newest[this.primaryPath] as string, lwt: newest._meta.lwt };
        this.changes.next(categorized.eventBulk);
      }
      return { error: categorized.errors };
    });
  }

  async findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    this.ensureOpen();
    return this.run(() => {
      const found = this.documentsInDb(ids);
      const result: RxDocumentData<RxDocType>[] = [];
      for (const id of ids) {
        const document = found.get(id);
        if (document && (withDeleted || !document._deleted)) result.push(document);
      }
      return result;
    });
  }

  /** The SQL range of the query plan's index: `WHERE` clause and its two bound keys. */
  private range(preparedQuery: PreparedQuery<RxDocType>) {
    const plan = preparedQuery.queryPlan;
    const index = this.indexByName.get(indexName(plan.index));
    if (!index) throw new Error(`The query plan uses index ${indexName(plan.index)}, which the schema does not have.`);
    const lower = indexKey(getStartIndexStringFromLowerBound(this.schema, plan.index, plan.startKeys));
    const upper = indexKey(getStartIndexStringFromUpperBound(this.schema, plan.index, plan.endKeys));
    const where = `${index.column} ${plan.inclusiveStart ? '>=' : '>'} ? AND ${index.column} ${plan.inclusiveEnd ? '<=' : '<'} ?`;
    return { column: index.column, where, bounds: [lower, upper] };
  }

  /**
   * The documents of a query's rows in index order: ids from the index alone, documents from
   * the cache, and from the table (in batches) only for those the cache does not hold.
   */
  private *scan(sql: string, parameters: unknown[]): Generator<RxDocumentData<RxDocType>> {
    const ids = this.statement(sql).pluck().all(...parameters) as string[];
    for (let start = 0; start < ids.length; start += 1_000) {
      yield* this.documentsInOrder(ids.slice(start, start + 1_000));
    }
  }

  async query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    this.ensureOpen();
    this.applyPendingWrites();
    return this.run(() => {
      const { query, queryPlan } = preparedQuery;
      const skip = query.skip ?? 0;
      const limit = typeof query.limit === 'number' ? query.limit : Infinity;
      const { column, where, bounds } = this.range(preparedQuery);
      const sql = `SELECT id FROM ${this.tables.documents} WHERE ${where} ORDER BY ${column}`;
      if (queryPlan.selectorSatisfiedByIndex && queryPlan.sortSatisfiedByIndex) {
        return { documents: [...this.scan(`${sql} LIMIT ? OFFSET ?`, [...bounds, limit === Infinity ? -1 : limit, skip])] };
      }
      const matches = queryPlan.selectorSatisfiedByIndex ? undefined : getQueryMatcher(this.schema, query);
      const enough = queryPlan.sortSatisfiedByIndex ? skip + limit : Infinity;
      let documents: RxDocumentData<RxDocType>[] = [];
      for (const document of this.scan(sql, bounds)) {
        if (!matches || matches(document)) documents.push(document);
        if (documents.length >= enough) break;
      }
      if (!queryPlan.sortSatisfiedByIndex) documents = documents.sort(getSortComparator(this.schema, query));
      return { documents: documents.slice(skip, skip + limit) };
    });
  }

  async count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    this.ensureOpen();
    this.applyPendingWrites();
    return this.run(() => {
      const { where, bounds } = this.range(preparedQuery);
      if (preparedQuery.queryPlan.selectorSatisfiedByIndex) {
        const count = this.statement(`SELECT count(*) FROM ${this.tables.documents} WHERE ${where}`).pluck().get(...bounds) as number;
        return { count, mode: 'fast' as const };
      }
      const matches = getQueryMatcher(this.schema, preparedQuery.query);
      let count = 0;
      for (const document of this.scan(`SELECT id FROM ${this.tables.documents} WHERE ${where}`, bounds)) if (matches(document)) count++;
      return { count, mode: 'fast' as const };
    });
  }

  async getChangedDocumentsSince(limit: number, checkpoint?: RxStorageDefaultCheckpoint) {
    this.ensureOpen();
    this.applyPendingWrites();
    return this.run(() => {
      // RxDB gives every schema the index [_meta.lwt, primary key]: changes come in its order.
      const changes = this.indexByName.get(indexName(['_meta.lwt', this.primaryPath]));
      if (!changes) throw new Error(`The schema of ${this.collectionName} lacks the index of changes.`);
      const after = checkpoint ? changes.keyOf({ _meta: { lwt: checkpoint.lwt }, [this.primaryPath]: checkpoint.id } as unknown as RxDocumentData<unknown>) : '';
      const documents = [...this.scan(`SELECT id FROM ${this.tables.documents} WHERE ${changes.column} > ? ORDER BY ${changes.column} LIMIT ?`, [after, limit])];
      const last = documents[documents.length - 1];
      return { documents, checkpoint: last ? { id: last[this.primaryPath] as string, lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }) };
    });
  }

  async getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    this.ensureOpen();
    const row = this.run(() => this.statements.getAttachment.get(documentId, attachmentId)) as { digest: string; type: string; data: Buffer } | undefined;
    if (!row || !digest || row.digest !== digest) throw new Error(`Attachment ${attachmentId} of ${documentId} does not exist.`);
    return new Blob([new Uint8Array(row.data)], { type: row.type });
  }

  changeStream(): Observable<EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>> {
    return this.changes.asObservable();
  }

  async cleanup(minimumDeletedTime: number): Promise<boolean> {
    this.ensureOpen();
    this.applyPendingWrites();
    this.run(() => {
      const before = now() - minimumDeletedTime;
      const gone = this.db.prepare(`SELECT id FROM ${this.tables.documents} WHERE deleted = 1 AND lwt < ?`).pluck().all(before) as string[];
      this.db.transaction(() => {
        this.db
          .prepare(`DELETE FROM ${this.tables.attachments} WHERE document_id IN (SELECT id FROM ${this.tables.documents} WHERE deleted = 1 AND lwt < ?)`)
          .run(before);
        this.db.prepare(`DELETE FROM ${this.tables.documents} WHERE deleted = 1 AND lwt < ?`).run(before);
      })();
      for (const id of gone) this.cache.delete(id);
    });
    return true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.shared.instances === 1 && this.internals.file.connection.open) {
      try {
        this.applyPendingWrites();
      } catch {
        // Kept in the pending table: applied at the next opening.
      }
    }
    this.closed = true;
    this.shared.instances -= 1;
    if (this.shared.instances === 0) {
      this.changes.complete();
      this.cache.clear(); // gives its share of the file's cache budget back
      this.internals.file.tables.delete(this.tables.documents);
    }
    releaseDatabaseFile(this.internals.file);
  }

  async remove(): Promise<void> {
    this.ensureOpen();
    this.run(() => dropTables(this.db, this.collectionName, this.schema.version));
    this.cache.clear();
    this.shared.queue.length = 0;
    this.shared.pending = false;
    await this.close();
  }
}
