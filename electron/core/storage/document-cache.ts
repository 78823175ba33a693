// Parsed documents kept in memory, so that reads do not parse the same JSON again. Shared by
// every storage instance of one table (RxDB may open a collection more than once), updated
// on each write, bounded in size (the oldest entries go first).
import { Subject } from 'rxjs';

export class DocumentCache<T> {
  private readonly entries = new Map<string, T>();
  /**
   * True while the cache holds every document of its table: a document it does not hold
   * does not exist, and need not be looked for. Lost at the first eviction.
   */
  complete = false;
  constructor(readonly limit = 20_000) {}

  get(id: string): T | undefined {
    return this.entries.get(id);
  }

  set(id: string, document: T): void {
    this.entries.delete(id);
    this.entries.set(id, document);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
      this.complete = false;
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
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
}
