// The workstation's core: the local replica, its sync with the central endpoint, and the
// handlers of every WorkstationApi call. Runs in Electron's main process or in plain Node.
import type { RxStorage } from 'rxdb';
import type { CallHandlers, StreamHandlers } from '../../shared/api/workstation-api';
import { directoryDatabaseName } from '../../shared/directory/central-documents';
import { openReplica } from './database';
import { directoryCalls, directoryStreams } from './directory/directory-queries';
import { SettingsStore } from './settings-store';
import { startDirectoryReplication } from './sync/directory-replication';
import { SyncStatusTracker } from './sync/sync-status-tracker';

export interface WorkstationCoreOptions {
  /** Folder for settings and the local replica. */
  dataFolder: string;
  /** Base URL of the CouchDB-compatible central endpoint, e.g. http://127.0.0.1:5984 */
  centralUrl: string;
  workspace: 'training' | 'connected';
  version: string;
  storage?: RxStorage<unknown, unknown>;
  /** Long-poll duration; shorter in tests so that a lost link is noticed sooner. */
  longPollMs?: number;
}

export interface WorkstationCore {
  calls: CallHandlers;
  streams: StreamHandlers;
  settings: Pick<SettingsStore, 'get' | 'onChange'>;
  /** Resolves when the first pull from the central endpoint is complete. */
  initialSync: Promise<void>;
  close(): Promise<void>;
}

export async function openWorkstationCore(options: WorkstationCoreOptions): Promise<WorkstationCore> {
  const settings = new SettingsStore(options.dataFolder);
  await settings.load();
  const replica = await openReplica(options.storage);
  const status = new SyncStatusTracker();
  const centralUrl = options.centralUrl.replace(/\/+$/, '');
  const replication = startDirectoryReplication({
    collection: replica.authorities,
    databaseUrl: `${centralUrl}/${directoryDatabaseName}`,
    status,
    longPollMs: options.longPollMs,
  });
  const initialSync = replication.awaitInitialSync();
  initialSync.catch(() => {});

  const calls: CallHandlers = {
    async 'workspace.info'() {
      return { version: options.version, workspace: options.workspace, centralUrl, dataFolder: options.dataFolder };
    },
    async 'settings.get'() {
      return settings.get();
    },
    async 'settings.update'(change) {
      return settings.update(change);
    },
    async 'sync.retryNow'() {
      replication.retryNow();
      return { accepted: true };
    },
    ...directoryCalls(replica.authorities),
  };

  const streams: StreamHandlers = {
    'sync.status'(_input, emit) {
      const subscription = status.changes.subscribe(emit);
      return () => subscription.unsubscribe();
    },
    ...directoryStreams(replica.authorities),
  };

  return {
    calls,
    streams,
    settings,
    initialSync,
    async close() {
      await replication.stop();
      await replica.close();
    },
  };
}
