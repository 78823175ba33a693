import { BehaviorSubject, type Observable } from 'rxjs';
import { initialSyncStatus, type SyncStatus } from '../../../shared/sync/sync-status';

/** Holds the current sync status and tells subscribers when it changes. */
export class SyncStatusTracker {
  private readonly subject = new BehaviorSubject<SyncStatus>(initialSyncStatus);

  get current(): SyncStatus {
    return this.subject.value;
  }

  get changes(): Observable<SyncStatus> {
    return this.subject.asObservable();
  }

  update(change: Partial<SyncStatus>): void {
    this.subject.next({ ...this.subject.value, ...change });
  }
}
