// Documents the sync set aside: those the server refused (push) and those that came from the
// server but fail the schema (pull). They are kept with the reason, shown, and can be tried
// again; they never stall the rest of the sync. Kept in a JSON file when given one.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { BehaviorSubject, type Observable } from 'rxjs';

export type QuarantineDirection = 'pull' | 'push';

export interface QuarantineEntry {
  collection: string;
  documentId: string;
  direction: QuarantineDirection;
  reason: string;
  /** The document as received or as refused, for inspection and retry. */
  document: unknown;
  at: string;
}

const keyOf = (collection: string, direction: QuarantineDirection, documentId: string) => `${collection}\u0000${direction}\u0000${documentId}`;

export class Quarantine {
  private readonly entries = new Map<string, QuarantineEntry>();
  private readonly subject = new BehaviorSubject<readonly QuarantineEntry[]>([]);

  constructor(private readonly file?: string) {
    if (!file) return;
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // none yet
    }
    try {
      for (const entry of JSON.parse(text) as QuarantineEntry[]) this.entries.set(keyOf(entry.collection, entry.direction, entry.documentId), entry);
    } catch {
      // A damaged list is kept aside and a new one begun: the documents themselves are on the
      // server (pull) or in the replica (push), so the next sync finds them again.
      renameSync(file, `${file}.damaged-${Date.now()}`);
    }
    this.subject.next([...this.entries.values()]);
  }

  get size(): number {
    return this.entries.size;
  }

  get changes(): Observable<readonly QuarantineEntry[]> {
    return this.subject.asObservable();
  }

  list(collection?: string): QuarantineEntry[] {
    return [...this.entries.values()].filter((entry) => collection === undefined || entry.collection === collection);
  }

  count(collection: string): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.collection === collection) count++;
    return count;
  }

  has(collection: string, direction: QuarantineDirection, documentId: string): boolean {
    return this.entries.has(keyOf(collection, direction, documentId));
  }

  add(entry: Omit<QuarantineEntry, 'at'>): void {
    this.entries.set(keyOf(entry.collection, entry.direction, entry.documentId), { ...entry, at: new Date().toISOString() });
    this.changed();
  }

  remove(collection: string, direction: QuarantineDirection, documentId: string): void {
    if (this.entries.delete(keyOf(collection, direction, documentId))) this.changed();
  }

  private changed() {
    const entries = [...this.entries.values()];
    if (this.file) {
      const temporary = `${this.file}.tmp`;
      writeFileSync(temporary, JSON.stringify(entries));
      renameSync(temporary, this.file);
    }
    this.subject.next(entries);
  }
}
