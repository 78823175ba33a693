// The workstation's core: the local replica, its sync with the central endpoint, and the
// handlers of every WorkstationApi call. Runs in Electron's main process or in plain Node.
import { join } from 'node:path';
import type { RxStorage } from 'rxdb';
import type { CallHandlers, StreamHandlers } from '../../shared/api/workstation-api';
import { HandlerError } from './carrier-endpoint';
import { directoryCalls, directoryStreams } from './directory/directory-queries';
import { lockedReplica, openLocalReplica, setReplicaAside, WrongPassphraseError, type ReplicaOpening } from './local-replica';
import { SettingsStore } from './settings-store';
import { caseCalls, caseStreams } from './cases/case-calls';
import { RequestDrafts } from './cases/request-drafts';
import { requestPdf } from './cases/request-pdf';
import { StagedFiles } from './cases/staged-files';
import { DirectorySearch } from './search/directory-search';
import { actingFor, registerCalls } from './registers/register-calls';
import { caseCollections } from './sync/case-replication';
import { directoryCollections } from './sync/directory-replication';
import { Quarantine } from './sync/quarantine';
import { startSyncEngine, type SyncEngine } from './sync/sync-engine';
import { SyncStatusTracker } from './sync/sync-status-tracker';

export interface WorkstationCoreOptions {
  /** Folder for settings and the local replica. */
  dataFolder: string;
  /** Base URL of the CouchDB-compatible central endpoint, e.g. http://127.0.0.1:5984 */
  centralUrl: string;
  workspace: 'training' | 'connected';
  version: string;
  /** The replica's storage; by default the durable SQLite storage in the data folder. */
  storage?: RxStorage<unknown, unknown>;
  /** Long-poll duration; shorter in tests so that a lost link is noticed sooner. */
  longPollMs?: number;
  /**
   * What protects the personal data in the replica: a secret kept by the operating system's
   * key store (the Electron shell), a passphrase the user types, or nothing (web host, tests).
   */
  replicaKey?: ReplicaKey;
  /** The authority this workstation acts for (its cases are synchronised); none: directory only. */
  authorityId?: string;
}

export type ReplicaKey = { kind: 'none' } | { kind: 'secret'; secret: string } | { kind: 'passphrase' };

export interface WorkstationCore {
  calls: CallHandlers;
  streams: StreamHandlers;
  settings: Pick<SettingsStore, 'get' | 'onChange'>;
  /** Resolves when everything written locally is uploaded and everything known is received. */
  awaitInSync(): Promise<void>;
  /** Resolves when the first pull from the central endpoint is complete. */
  readonly initialSync: Promise<void>;
  close(): Promise<void>;
}

export async function openWorkstationCore(options: WorkstationCoreOptions): Promise<WorkstationCore> {
  const settings = new SettingsStore(options.dataFolder);
  await settings.load();
  const status = new SyncStatusTracker();
  const centralUrl = options.centralUrl.replace(/\/+$/, '');
  const replicaFolder = join(options.dataFolder, 'replica');
  const key = options.replicaKey ?? { kind: 'none' };
  let password = key.kind === 'secret' ? key.secret : undefined;
  const quarantine = new Quarantine(join(options.dataFolder, 'sync-quarantine.json'));
  let replication: SyncEngine | undefined;
  let initialSync: Promise<void> = new Promise(() => {});
  let opening: ReplicaOpening = key.kind === 'passphrase' ? lockedReplica(replicaFolder) : await openLocalReplica(replicaFolder, options.storage, password);

  let search: DirectorySearch | undefined;
  function startSync() {
    void search?.close({ save: false }); // it followed a replica now set aside or still locked
    search = opening.replica
      ? new DirectorySearch(opening.replica, { authorities: join(options.dataFolder, 'search-index.bin'), registers: join(options.dataFolder, 'register-index.bin') })
      : undefined;
    search?.ready.catch(() => {}); // a failure is met again by the search that waits for it
    if (!opening.replica) {
      status.update({ connection: 'paused' });
      return;
    }
    status.update({ connection: 'connecting' });
    replication = startSyncEngine({
      collections: [
        ...directoryCollections(centralUrl, opening.replica.authorities, opening.replica.registers),
        ...(options.authorityId ? caseCollections(centralUrl, options.authorityId, opening.replica) : []),
      ],
      status,
      quarantine,
      longPollMs: options.longPollMs,
    });
    initialSync = replication.awaitInitialSync();
    initialSync.catch(() => {});
  }
  startSync();

  const unavailable = (): never => {
    throw new HandlerError('unavailable', opening.problem?.message ?? 'The local data waits for its passphrase.');
  };
  const authorities = () => opening.replica?.authorities ?? unavailable();
  const replicaCollections = () => opening.replica?.collections ?? unavailable();
  const searchCalls = () => (search ?? unavailable()).calls();
  const files = new StagedFiles(join(options.dataFolder, 'staged-files'));
  const drafts = new RequestDrafts(join(options.dataFolder, 'drafts'));
  const caseSource = {
    authorityId: options.authorityId ?? '',
    files,
    drafts,
    language: () => settings.get().language,
    collections: () => {
      if (!options.authorityId) throw new HandlerError('unavailable', 'This workstation does not act for an authority yet.');
      return replicaCollections();
    },
  };

  const registerSource = { collections: replicaCollections, authorityId: options.authorityId };
  const requestCalls = caseCalls(caseSource);
  // The requests' derived state is built at start-up, before the officer opens the lists.
  const prepareRequestLists = () => {
    if (options.authorityId && opening.replica) void requestCalls['cases.list']({ box: 'all', sort: 'updated', offset: 0, limit: 1 }).catch(() => {});
  };
  prepareRequestLists();

  const calls: CallHandlers = {
    async 'workspace.info'() {
      const problem = opening.problem ? { kind: opening.problem.kind, file: opening.problem.file } : null;
      const lock = opening.locked ?? 'open';
      const acting = opening.replica ? await actingFor(registerSource) : null;
      return { version: options.version, workspace: options.workspace, centralUrl, dataFolder: options.dataFolder, replicaProblem: problem, lock, actingFor: acting };
    },
    async 'settings.get'() {
      return settings.get();
    },
    async 'settings.update'(change) {
      return settings.update(change);
    },
    async 'sync.retryNow'() {
      replication?.retryNow();
      return { accepted: replication !== undefined };
    },
    async 'sync.quarantine'() {
      return quarantine.list().map(({ collection, documentId, direction, reason, at }) => ({ collection, documentId, direction, reason, at }));
    },
    async 'sync.retryQuarantined'() {
      await replication?.retryQuarantined();
      return { remaining: quarantine.size };
    },
    async 'replica.setAside'() {
      if (!opening.problem && opening.locked !== 'enter-passphrase') {
        throw new HandlerError('invalid-input', 'The local data is in order; there is nothing to set aside.');
      }
      const keptAt = await setReplicaAside(replicaFolder);
      opening = key.kind === 'passphrase' ? lockedReplica(replicaFolder) : await openLocalReplica(replicaFolder, options.storage, password);
      startSync();
      prepareRequestLists();
      return { keptAt };
    },
    async 'replica.unlock'({ passphrase }) {
      if (!opening.locked) throw new HandlerError('invalid-input', 'The local data is not locked.');
      try {
        opening = await openLocalReplica(replicaFolder, options.storage, passphrase);
      } catch (error) {
        if (error instanceof WrongPassphraseError) throw new HandlerError('wrong-passphrase', error.message);
        throw error;
      }
      password = passphrase;
      startSync();
      prepareRequestLists();
      return { unlocked: true as const };
    },
    ...directoryCalls(authorities),
    // The searches answer once the replica is open (never while it waits for its passphrase).
    'directory.search': (input) => searchCalls()['directory.search'](input),
    'directory.regions': (input) => searchCalls()['directory.regions'](input),
    'registers.search': (input) => searchCalls()['registers.search'](input),
    ...registerCalls(registerSource),
    ...requestCalls,
    ...files.handlers(),
    ...drafts.handlers(),
    async 'cases.pdf'({ caseId, language }) {
      const request = await requestCalls['cases.get']({ caseId });
      if (!request) throw new HandlerError('not-found', `There is no request ${caseId} in this workstation.`);
      const bytes = await requestPdf(request, language);
      const staged = await files.stage(`${caseId}-${language}.pdf`, 'application/pdf', bytes);
      return { fileId: staged.fileId, name: staged.name, size: staged.size };
    },
  };

  const streams: StreamHandlers = {
    'sync.status'(_input, emit) {
      const subscription = status.changes.subscribe(emit);
      return () => subscription.unsubscribe();
    },
    ...directoryStreams(authorities),
    ...caseStreams(caseSource),
  };

  return {
    calls,
    streams,
    settings,
    get initialSync() {
      return initialSync;
    },
    async awaitInSync() {
      await replication?.awaitInSync();
    },
    async close() {
      await replication?.stop();
      await search?.close();
      await opening.replica?.close();
    },
  };
}
