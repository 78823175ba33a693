// The sync of the whole replica: each collection replicated live with its central database,
// one watcher per database for changes and for the state of the link, and one status for
// the user (overall and per collection), with the progress of the first download.
import { Subject, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { estimateSecondsLeft, idleCollectionStatus, type CollectionSyncStatus, type SyncStatus } from '../../../shared/sync/sync-status';
import { findStorageError } from '../storage/storage-errors';
import { SyncFailure } from './couch-changes';
import { replicateWithCouch, type CouchReplication, type Validation } from './couch-replication';
import { watchDatabase, type DatabaseWatcher } from './database-watcher';
import type { Quarantine } from './quarantine';
import type { SyncStatusTracker } from './sync-status-tracker';

export interface SyncedCollection<T = unknown> {
  /** The collection's name in the status. */
  name: string;
  collection: RxCollection<T>;
  databaseUrl: string;
  /** Server ids of this collection's documents start with it; others in the database are not its. */
  idPrefix: string;
  validate: (document: Record<string, unknown>) => Validation<T>;
  /** Whether the workstation writes this collection (else it only receives it). */
  push: boolean;
  /** Whether its first download is the "first sync" shown with progress (the directory). */
  firstSync?: boolean;
}

export interface SyncEngineOptions {
  collections: SyncedCollection[];
  status: SyncStatusTracker;
  quarantine: Quarantine;
  longPollMs?: number;
  batchSize?: number;
  retryTime?: number;
}

export interface SyncEngine {
  retryNow(): void;
  retryQuarantined(): Promise<void>;
  /** Resolves when the collections of the first sync hold what the server had at the start. */
  awaitInitialSync(): Promise<void>;
  /** Resolves when every collection has pushed and pulled everything known so far. */
  awaitInSync(): Promise<void>;
  stop(): Promise<void>;
}

type SyncError = NonNullable<SyncStatus['lastError']>;
const failureCodes: readonly string[] = ['unreachable', 'server-error', 'invalid-response'];

/** The status of a failure; RxDB passes handler errors on as plain objects, so go by the code. */
export function describeSyncError(error: unknown): SyncError {
  const storageProblem = findStorageError(error);
  if (storageProblem?.problem === 'disk-full') return { code: 'local-disk-full', detail: storageProblem.message };
  const inner = (error as { parameters?: { errors?: unknown[] } })?.parameters?.errors?.[0];
  if (inner && inner !== error) return describeSyncError(inner);
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (error instanceof SyncFailure || (typeof code === 'string' && failureCodes.includes(code))) {
    return { code: code as SyncError['code'], detail: String(message) };
  }
  return { code: 'server-error', detail: String(message ?? error) };
}

export function startSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { status, quarantine } = options;
  const subscriptions: Subscription[] = [];
  const watchers = new Map<string, { watcher: DatabaseWatcher; changes: Subject<void> }>();
  const replications: { synced: SyncedCollection; replication: CouchReplication<unknown> }[] = [];
  const pending = new Map<string, Set<string>>();
  const firstSyncStarted = Date.now();

  const setCollection = (name: string, change: Partial<CollectionSyncStatus>) => {
    const collections = status.current.collections;
    status.update({ collections: { ...collections, [name]: { ...(collections[name] ?? idleCollectionStatus), ...change } } });
  };

  const refreshTotals = () => {
    const collections = Object.values(status.current.collections);
    status.update({
      pulling: collections.some((c) => c.pulling),
      pushing: collections.some((c) => c.pushing),
      pendingUploads: collections.reduce((sum, c) => sum + c.pendingUploads, 0),
      quarantined: quarantine.size,
      lastError:
        collections.find((c) => c.lastError && c.lastError.code !== 'invalid-documents')?.lastError ??
        (quarantine.size > 0 ? { code: 'invalid-documents', detail: `${quarantine.size} document(s) set aside.` } : status.current.connection === 'offline' ? status.current.lastError : null),
    });
  };

  function watcherOf(databaseUrl: string) {
    let entry = watchers.get(databaseUrl);
    if (entry) return entry;
    const watcher = watchDatabase(databaseUrl, { longPollMs: options.longPollMs });
    const changes = new Subject<void>();
    entry = { watcher, changes };
    watchers.set(databaseUrl, entry);
    subscriptions.push(
      watcher.events.subscribe((event) => {
        if (event.kind === 'offline') {
          status.update({ connection: 'offline', lastError: describeSyncError(event.error) });
          return;
        }
        if (event.kind === 'online') {
          const isFirstSyncDatabase = replications.some((r) => r.synced.firstSync && r.synced.databaseUrl === databaseUrl);
          if (isFirstSyncDatabase && status.current.firstSync.total === null) {
            status.update({ firstSync: { ...status.current.firstSync, total: event.documentCount } });
          }
          if ([...watchers.values()].every((w) => w.watcher.online)) status.update({ connection: 'online' });
          refreshTotals();
        }
        changes.next();
      }),
    );
    return entry;
  }

  for (const synced of options.collections) {
    const { changes } = watcherOf(synced.databaseUrl);
    const ids = new Set<string>();
    pending.set(synced.name, ids);
    setCollection(synced.name, { quarantined: quarantine.count(synced.name) });
    const replication = replicateWithCouch({
      collection: synced.collection,
      databaseUrl: synced.databaseUrl,
      identifier: `${synced.name}-${new URL(synced.databaseUrl).pathname}`,
      idPrefix: synced.idPrefix,
      validate: synced.validate,
      push: synced.push ? {} : false,
      pull: { batchSize: options.batchSize ?? 500 },
      quarantine,
      changes,
      retryTime: options.retryTime,
      onBatch(report) {
        const now = new Date().toISOString();
        if (report.direction === 'push') for (const id of report.ids ?? []) ids.delete(id);
        const before = status.current.collections[synced.name] ?? idleCollectionStatus;
        setCollection(synced.name, {
          lastSyncAt: now,
          lastError: null,
          pendingUploads: ids.size,
          quarantined: quarantine.count(synced.name),
          bytesReceived: before.bytesReceived + (report.direction === 'pull' ? report.bytes : 0),
          bytesSent: before.bytesSent + (report.direction === 'push' ? report.bytes : 0),
        });
        const current = status.current;
        const firstSync =
          synced.firstSync && report.direction === 'pull' && !current.firstSync.done
            ? (() => {
                const documents = current.firstSync.documents + report.rows;
                const bytes = current.firstSync.bytes + report.bytes;
                return { ...current.firstSync, documents, bytes, secondsLeft: estimateSecondsLeft(documents, current.firstSync.total, Date.now() - firstSyncStarted) };
              })()
            : current.firstSync;
        status.update({
          connection: 'online',
          lastSyncAt: now,
          firstSync,
          documentsReceived: current.documentsReceived + (report.direction === 'pull' ? report.documents : 0),
        });
        refreshTotals();
      },
    }) as CouchReplication<unknown>;
    replications.push({ synced, replication });
    if (synced.push) {
      // Writes made in this workstation wait for upload until a push batch carries them.
      const primary = synced.collection.schema.primaryPath as string;
      const track = (document: Record<string, unknown>) => {
        ids.add(String(document[primary]));
        setCollection(synced.name, { pendingUploads: ids.size });
        refreshTotals();
      };
      synced.collection.postInsert((document) => track(document as Record<string, unknown>), false);
      synced.collection.postSave((document) => track(document as Record<string, unknown>), false);
      synced.collection.postRemove((document) => track(document as Record<string, unknown>), false);
    }
    subscriptions.push(
      replication.state.active$.subscribe((active) => {
        setCollection(synced.name, { pulling: active, pushing: active && synced.push && ids.size > 0 });
        refreshTotals();
      }),
      replication.state.error$.subscribe((error) => {
        setCollection(synced.name, { lastError: describeSyncError(error) });
        refreshTotals();
      }),
    );
  }
  subscriptions.push(
    quarantine.changes.subscribe(() => {
      for (const synced of options.collections) setCollection(synced.name, { quarantined: quarantine.count(synced.name) });
      refreshTotals();
    }),
  );

  return {
    retryNow() {
      for (const { watcher } of watchers.values()) watcher.retryNow();
      for (const { replication } of replications) replication.state.reSync();
    },
    async retryQuarantined() {
      for (const { replication } of replications) await replication.retryQuarantined();
    },
    async awaitInitialSync() {
      await Promise.all(replications.filter((r) => r.synced.firstSync).map((r) => r.replication.state.awaitInitialReplication()));
      status.update({ firstSync: { ...status.current.firstSync, done: true, secondsLeft: 0 } });
    },
    async awaitInSync() {
      await Promise.all(replications.map((r) => r.replication.state.awaitInSync()));
    },
    async stop() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      for (const { watcher } of watchers.values()) watcher.stop();
      await Promise.all(replications.map((r) => r.replication.stop()));
    },
  };
}
