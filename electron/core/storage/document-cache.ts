// Parsed documents kept in memory, so that reads do not parse the same JSON again. Shared by
// every storage instance of one table (RxDB may open a collection more than once), updated
// on each write, bounded by the size of the documents' JSON (the oldest entries go first):
// a directory of a few thousand authorities fits whole, a large table only in part.
import { Subject } from 'rxjs';

/** Default budget: JSON characters of the cached documents (parsed, they take a few times more). */
export const defaultCacheBudget = 24_000_000;

export class DocumentCache<T> {
  private readonly entries = new Map<string, { document: T; size: number }>();
  private total = 0;
  /**
   * True while the cache holds every document of its table: a document it does not hold
   * does not exist, and need not be looked for. Lost at the first eviction.
   */
  complete = false;
  constructor(readonly budget = defaultCacheBudget) {}

  get(id: string): T | undefined {
    return this.entries.get(id)?.document;
  }

  /** Keeps a document; `size` is the length of its JSON. */
  set(id: string, document: T, size: number): void {
    const previous = this.entries.get(id);
    if (previous) {
      this.total -= previous.size;
      this.entries.delete(id);
    }
    this.entries.set(id, { document, size });
    this.total += size;
    while (this.total > this.budget && this.entries.size > 1) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { size: number }];
      this.entries.delete(oldest);
      this.total -= entry.size;
      this.complete = false;
    }
  }

  /** Whether documents of this total size would all fit. */
  fits(size: number): boolean {
    return size <= this.budget;
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.total -= entry.size;
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
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
