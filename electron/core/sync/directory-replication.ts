// Replicates the directory's authorities from the central endpoint into the local replica.
// Pull-only: authorities are written centrally by coordinators. A watcher long-polls the
// server's `_changes` to learn of new changes at once and of lost and regained links.
import { Subject } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { authoritySchema, type Authority } from '../../../shared/directory/authority';
import { retryDelayMs } from '../../../shared/sync/sync-status';
import { authorityDocumentPrefix } from '../../../shared/directory/central-documents';
import { readChanges, readDatabaseInfo, SyncFailure, type Sequence } from './couch-changes';
import type { SyncStatusTracker } from './sync-status-tracker';
import { findStorageError } from '../storage/storage-errors';

type Checkpoint = { sequence: Sequence };

export interface DirectoryReplicationOptions {
  collection: RxCollection<Authority>;
  databaseUrl: string;
  status: SyncStatusTracker;
  batchSize?: number;
  longPollMs?: number;
}

export interface DirectoryReplication {
  /** Tries the server again now instead of waiting for the next back-off step. */
  retryNow(): void;
  /** Resolves when the replica holds what the server had when replication started. */
  awaitInitialSync(): Promise<void>;
  stop(): Promise<void>;
}

const failureCodes: readonly string[] = ['unreachable', 'server-error', 'invalid-response'];

/** The status of a failure; RxDB passes handler errors on as plain objects, so go by the code. */
function describe(error: unknown): { code: SyncFailure['code'] | 'local-disk-full'; detail: string } {
  const storageProblem = findStorageError(error);
  if (storageProblem?.problem === 'disk-full') return { code: 'local-disk-full', detail: storageProblem.message };
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (error instanceof SyncFailure || (typeof code === 'string' && failureCodes.includes(code))) {
    return { code: code as SyncFailure['code'], detail: String(message) };
  }
  return { code: 'server-error', detail: String(message ?? error) };
}

export function startDirectoryReplication(options: DirectoryReplicationOptions): DirectoryReplication {
  const { collection, databaseUrl, status } = options;
  const stopping = new AbortController();
  const pullStream = new Subject<RxReplicationPullStreamItem<Authority, Checkpoint>>();
  const quarantine = new Map<string, string>();
  let wakeUp: () => void = () => {};

  async function toReplicaDocument(id: string, deleted: boolean, doc: Record<string, unknown> | undefined) {
    const localId = id.slice(authorityDocumentPrefix.length);
    if (deleted) {
      // Deletions arrive as stubs: delete what the replica holds, ignore what it never had.
      const local = await collection.findOne(localId).exec();
      return local ? ({ ...local.toMutableJSON(), _deleted: true } as WithDeleted<Authority>) : undefined;
    }
    const parsed = authoritySchema.safeParse({ ...doc, id: localId });
    if (!parsed.success) {
      quarantine.set(id, parsed.error.issues[0]?.message ?? 'invalid');
      return undefined;
    }
    quarantine.delete(id);
    return { ...parsed.data, _deleted: false } as WithDeleted<Authority>;
  }

  const replication: RxReplicationState<Authority, Checkpoint> = replicateRxCollection<Authority, Checkpoint>({
    // One central server per data folder; its address may change (the training server takes a free port).
    replicationIdentifier: 'directory-authorities',
    collection,
    live: true,
    retryTime: 3_000,
    waitForLeadership: false,
    pull: {
      batchSize: options.batchSize ?? 500,
      stream$: pullStream.asObservable(),
      async handler(checkpoint, batchSize) {
        const changes = await readChanges(
          databaseUrl,
          { since: checkpoint?.sequence ?? 0, limit: batchSize, includeDocs: true, waitMs: 0 },
          AbortSignal.any([stopping.signal, AbortSignal.timeout(60_000)]),
        );
        const documents: WithDeleted<Authority>[] = [];
        for (const row of changes.results) {
          if (!row.id.startsWith(authorityDocumentPrefix)) continue; // design and other documents
          const document = await toReplicaDocument(row.id, row.deleted === true, row.doc);
          if (document) documents.push(document);
        }
        const current = status.current;
        status.update({
          connection: 'online',
          lastError: quarantine.size > 0 ? { code: 'invalid-documents', detail: `${quarantine.size} document(s) set aside.` } : null,
          lastSyncAt: new Date().toISOString(),
          documentsReceived: current.documentsReceived + documents.length,
          quarantined: quarantine.size,
          firstSync: current.firstSync.done
            ? current.firstSync
            : { ...current.firstSync, documents: current.firstSync.documents + changes.results.length },
        });
        return { documents, checkpoint: changes.results.length > 0 ? { sequence: changes.last_seq } : checkpoint };
      },
    },
  });

  replication.error$.subscribe((error) => {
    status.update({ lastError: describe((error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0] ?? error) });
  });
  replication.active$.subscribe((active) => status.update({ pulling: active }));

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // Watches the link: learns the server's size once, then long-polls for changes.
  async function watch() {
    let attempt = 0;
    while (!stopping.signal.aborted) {
      try {
        const info = await readDatabaseInfo(databaseUrl, AbortSignal.any([stopping.signal, AbortSignal.timeout(10_000)]));
        if (status.current.firstSync.total === null) {
          status.update({ firstSync: { ...status.current.firstSync, total: info.doc_count } });
        }
        if (status.current.connection !== 'online' || attempt > 0) {
          status.update({ connection: 'online', lastError: null });
          pullStream.next('RESYNC');
        }
        attempt = 0;
        let since: Sequence = info.update_seq;
        while (!stopping.signal.aborted) {
          const changes = await readChanges(
            databaseUrl,
            { since, limit: 100, includeDocs: false, waitMs: options.longPollMs ?? 25_000 },
            AbortSignal.any([stopping.signal, AbortSignal.timeout((options.longPollMs ?? 25_000) + 15_000)]),
          );
          if (changes.results.length > 0) pullStream.next('RESYNC');
          since = changes.last_seq;
        }
      } catch (error) {
        if (stopping.signal.aborted) return;
        status.update({ connection: 'offline', lastError: describe(error) });
        await sleep(retryDelayMs(attempt++));
      }
    }
  }
  void watch();

  return {
    retryNow() {
      wakeUp();
    },
    async awaitInitialSync() {
      await replication.awaitInitialReplication();
      status.update({ firstSync: { ...status.current.firstSync, done: true } });
    },
    async stop() {
      stopping.abort();
      wakeUp();
      pullStream.complete();
      await replication.cancel();
    },
  };
}
