// Parsed documents kept in memory, so that reads do not parse the same JSON again. Shared by
// every storage instance of one table (RxDB may open a collection more than once), updated
// on each write, bounded by the size of the documents' JSON (the oldest entries go first):
// a directory of a few thousand authorities fits whole, a large table only in part.
import { Subject } from 'rxjs';

/** Default budget: JSON characters of the cached documents (parsed, they take a few times more). */
export const defaultCacheBudget = 24_000_000;

/** One budget shared by the caches of all tables of a database file. */
export class CacheBudget {
  used = 0;
  constructor(readonly limit = defaultCacheBudget) {}
}

export class DocumentCache<T> {
  private readonly entries = new Map<string, { document: T; size: number }>();
  /**
   * True while the cache holds every document of its table: a document it does not hold
   * does not exist, and need not be looked for. Lost at the first eviction.
   */
  complete = false;
  constructor(private readonly budget = new CacheBudget()) {}

  get(id: string): T | undefined {
    return this.entries.get(id)?.document;
  }

  /** Keeps a document; `size` is the length of its JSON. */
  set(id: string, document: T, size: number): void {
    const previous = this.entries.get(id);
    if (previous) {
      this.budget.used -= previous.size;
      this.entries.delete(id);
    }
    this.entries.set(id, { document, size });
    this.budget.used += size;
    // Over budget: this table gives up its oldest entries (tables cached earlier keep theirs).
    while (this.budget.used > this.budget.limit && this.entries.size > 1) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { size: number }];
      this.entries.delete(oldest);
      this.budget.used -= entry.size;
      this.complete = false;
    }
  }

  /** Whether documents of this total size would all fit in what is left of the budget. */
  fits(size: number): boolean {
    return size <= this.budget.limit - this.budget.used;
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.budget.used -= entry.size;
    this.entries.delete(id);
  }

  clear(): void {
    for (const entry of this.entries.values()) this.budget.used -= entry.size;
    this.entries.clear();
    this.complete = false;
  }
}

/** What all storage instances of one table share: the cache and the stream of changes. */
export interface TableState {
  cache: DocumentCache<unknown>;
  changes: Subject<unknown>;
  instances: number;
  /** Writes are waiting in the pending table to have their index columns written. */
  pending: boolean;
  /** A task to write them is scheduled. */
  applyScheduled: boolean;
  /**
   * The pending writes made by this process, with each document's JSON, so that writing
   * their index columns needs neither to parse the log again nor to serialise again.
   */
  queue: { sequence: number; items: { id: string; json: string; document: unknown }[] }[];
}
