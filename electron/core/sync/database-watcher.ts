// Watches one central database: long-polls its `_changes` to learn of new changes at once,
// and of a link lost or regained. While the link is down it tries again after a growing,
// jittered delay; `retryNow` cuts the wait short (the user's "Try again", or a wake-up).
import { Subject, type Observable } from 'rxjs';
import { retryDelayMs } from '../../../shared/sync/sync-status';
import { wakeableSleep } from '../../../shared/wakeable-sleep';
import { readChanges, readDatabaseInfo, type Sequence } from './couch-changes';

export type WatchEvent =
  | { kind: 'online'; documentCount: number }
  | { kind: 'changed' }
  | { kind: 'offline'; error: unknown };

export interface DatabaseWatcher {
  events: Observable<WatchEvent>;
  readonly online: boolean;
  retryNow(): void;
  stop(): void;
}

export function watchDatabase(databaseUrl: string, options: { longPollMs?: number } = {}): DatabaseWatcher {
  const longPollMs = options.longPollMs ?? 25_000;
  const stopping = new AbortController();
  const events = new Subject<WatchEvent>();
  let online = false;
  const { sleep, wake } = wakeableSleep();

  async function run() {
    let attempt = 0;
    while (!stopping.signal.aborted) {
      try {
        const info = await readDatabaseInfo(databaseUrl, AbortSignal.any([stopping.signal, AbortSignal.timeout(10_000)]));
        online = true;
        attempt = 0;
        events.next({ kind: 'online', documentCount: info.doc_count });
        let since: Sequence = info.update_seq;
        while (!stopping.signal.aborted) {
          const changes = await readChanges(
            databaseUrl,
            { since, limit: 100, includeDocs: false, waitMs: longPollMs },
            AbortSignal.any([stopping.signal, AbortSignal.timeout(longPollMs + 15_000)]),
          );
          if (changes.results.length > 0) events.next({ kind: 'changed' });
          since = changes.last_seq;
        }
      } catch (error) {
        if (stopping.signal.aborted) break;
        online = false;
        events.next({ kind: 'offline', error });
        await sleep(retryDelayMs(attempt++));
      }
    }
    events.complete();
  }
  void run();

  return {
    events: events.asObservable(),
    get online() {
      return online;
    },
    retryNow() {
      wake();
    },
    stop() {
      stopping.abort();
      wake();
    },
  };
}
