// A collection of the replica with its search index (the authorities; the registers). At
// start-up the index is read from its snapshot file and brought up to date with the
// replica's changes since (only what changed is indexed again); without a usable snapshot
// it is built from the whole collection. From then on it is kept current from the
// collection's changes, one record at a time, and the snapshot is written again a while
// after the last change and on close.
import type { Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { SearchFilter } from '../../../shared/api/workstation-api';
import { AuthorityIndex, type IndexedRecord } from './authority-index';
import { readIndexSnapshot, writeIndexSnapshot, type ChangeCheckpoint } from './index-snapshot';
import { loadSearchVocabulary, type SearchVocabulary } from './search-vocabulary';

let sharedVocabulary: SearchVocabulary | undefined;
/** The vocabularies of all 26 languages, loaded once for every index. */
export const searchVocabulary = () => (sharedVocabulary ??= loadSearchVocabulary());
const vocabulary = searchVocabulary;

type Stored<T> = T & { id: string; _deleted?: boolean; _meta?: { lwt: number } };

/** Changes read per step while catching up with the replica. */
const catchUpBatch = 2_000;

export interface IndexedCollectionOptions {
  /** The snapshot file; none keeps the index in memory only. */
  snapshotFile?: string;
  /** How long after the last change the snapshot is written again. */
  snapshotDelayMs?: number;
}

/** How the index came to be at start-up: for the status and for tests. */
export interface SearchStartup {
  from: 'snapshot' | 'replica';
  /** Why the snapshot was not used, when it was not. */
  snapshotProblem?: string;
  /** Records indexed again because they changed since the snapshot (all of them without one). */
  changesApplied: number;
  ms: number;
}

export class IndexedCollection<T extends { id: string }> {
  private index = new AuthorityIndex(vocabulary());
  private readonly subscription: Subscription;
  private checkpoint: ChangeCheckpoint | null = null;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private changedSinceSnapshot = false;
  private closed = false;
  /** Resolves once every authority of the replica is in the index. */
  readonly ready: Promise<SearchStartup>;

  constructor(
    readonly collection: RxCollection<T>,
    private readonly toRecord: (document: T) => IndexedRecord,
    private readonly options: IndexedCollectionOptions = {},
  ) {
    const pending: Stored<T>[] = [];
    let starting = true;
    // Changes during start-up wait for it, so that none is lost; applying one twice is harmless.
    this.subscription = collection.$.subscribe((change) => {
      const document = change.documentData as Stored<T>;
      if (starting) pending.push(document);
      else this.apply(document);
    });
    this.ready = (async () => {
      const began = performance.now();
      const startup = await this.start();
      starting = false;
      for (const document of pending.splice(0)) this.apply(document);
      return { ...startup, ms: performance.now() - began };
    })();
  }

  private async start(): Promise<Omit<SearchStartup, 'ms'>> {
    let snapshotProblem: string | undefined;
    if (this.options.snapshotFile) {
      const read = readIndexSnapshot(this.options.snapshotFile);
      if ('problem' in read) snapshotProblem = read.problem;
      else if (read.replica !== (await this.replicaToken())) snapshotProblem = 'it was taken from another replica';
      else {
        try {
          this.index = AuthorityIndex.restore(vocabulary(), read.snapshot);
          this.checkpoint = read.checkpoint;
          const changesApplied = await this.catchUp();
          if (changesApplied > 0) this.snapshotSoon();
          return { from: 'snapshot', changesApplied };
        } catch (error) {
          snapshotProblem = error instanceof Error ? error.message : String(error);
        }
      }
    }
    this.index = new AuthorityIndex(vocabulary());
    this.checkpoint = null;
    const changesApplied = await this.catchUp();
    // Saved a little after start-up, not in the middle of it (the next start reads it).
    this.snapshotSoon(Math.min(5_000, this.options.snapshotDelayMs ?? 5_000));
    return { from: 'replica', snapshotProblem, changesApplied };
  }

  /** Indexes every change of the replica after the checkpoint; answers how many. */
  private async catchUp(): Promise<number> {
    let applied = 0;
    for (;;) {
      const page = await this.collection.storageInstance.getChangedDocumentsSince!(catchUpBatch, this.checkpoint ?? undefined);
      for (const document of page.documents) this.apply(document as unknown as Stored<T>, false);
      applied += page.documents.length;
      if (page.documents.length < catchUpBatch) return applied;
    }
  }

  private apply(document: Stored<T>, live = true) {
    if (document._deleted) this.index.remove(document.id);
    else this.index.putRecord(this.toRecord(document));
    const lwt = document._meta?.lwt;
    if (lwt !== undefined && (!this.checkpoint || lwt > this.checkpoint.lwt || (lwt === this.checkpoint.lwt && document.id > this.checkpoint.id))) {
      this.checkpoint = { id: document.id, lwt };
    }
    if (live) this.snapshotSoon();
  }

  /** Names the replica database: a replica set aside and replaced (recovered, synced afresh) has another. */
  private replicaToken(): Promise<string> {
    return this.collection.database.storageToken;
  }

  private snapshotSoon(delayMs = this.options.snapshotDelayMs ?? 30_000) {
    if (!this.options.snapshotFile || this.closed) return;
    this.changedSinceSnapshot = true;
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => void this.writeSnapshot(), delayMs);
    this.snapshotTimer.unref();
  }

  /** Writes the snapshot if anything changed since the last; a failure only costs a slower next start. */
  private async writeSnapshot() {
    clearTimeout(this.snapshotTimer);
    if (!this.options.snapshotFile || !this.changedSinceSnapshot) return;
    this.changedSinceSnapshot = false;
    try {
      writeIndexSnapshot(this.options.snapshotFile, this.index.snapshot(), this.checkpoint, await this.replicaToken());
    } catch (error) {
      console.warn(`The search index could not be saved (${String(error)}); it will be built again at the next start.`);
    }
  }

  get size(): number {
    return this.index.size;
  }

  /** The best `limit` records for the query and filter, with how many match in all; waits for start-up. */
  async find(query: string, filter: SearchFilter, limit: number) {
    await this.ready;
    const found = this.index.find(query, filter, limit);
    const documents = await this.collection.findByIds(found.hits.map((hit) => hit.id)).exec();
    return {
      total: found.total,
      hits: found.hits.flatMap((hit) => {
        const document = documents.get(hit.id);
        return document ? [{ ...hit, document: document.toJSON() as T }] : [];
      }),
    };
  }

  async regions(country?: string) {
    await this.ready;
    return this.index.regionsOf(country);
  }

  /** Stops following the replica, and saves the index if it changed (once start-up is over) unless told not to. */
  async close({ save = true } = {}): Promise<void> {
    this.subscription.unsubscribe();
    if (!save) this.closed = true;
    await this.ready.catch(() => {});
    if (save) await this.writeSnapshot();
    clearTimeout(this.snapshotTimer);
    this.closed = true;
  }
}
