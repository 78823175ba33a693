import { z } from 'zod';

export const syncErrorCodes = ['unreachable', 'server-error', 'invalid-response', 'invalid-documents', 'local-disk-full'] as const;

const syncErrorSchema = z.object({ code: z.enum(syncErrorCodes), detail: z.string() });

/** The sync of one collection of the replica with its central database. */
export const collectionSyncStatusSchema = z.object({
  pulling: z.boolean(),
  pushing: z.boolean(),
  pendingUploads: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  lastError: syncErrorSchema.nullable(),
  quarantined: z.number().int().min(0),
  /** Bytes received and sent so far (documents and attachments): the progress of long transfers. */
  bytesReceived: z.number().int().min(0),
  bytesSent: z.number().int().min(0),
});
export type CollectionSyncStatus = z.infer<typeof collectionSyncStatusSchema>;

export const idleCollectionStatus: CollectionSyncStatus = { pulling: false, pushing: false, pendingUploads: 0, lastSyncAt: null, lastError: null, quarantined: 0, bytesReceived: 0, bytesSent: 0 };

/** What the workstation knows about its link with the central endpoint. */
export const syncStatusSchema = z.object({
  /** `paused`: nothing to synchronise while the local data waits (locked or unusable). */
  connection: z.enum(['connecting', 'online', 'offline', 'paused']),
  pulling: z.boolean(),
  pushing: z.boolean(),
  pendingUploads: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  lastError: syncErrorSchema.nullable(),
  documentsReceived: z.number().int().min(0),
  quarantined: z.number().int().min(0),
  /**
   * The first download of the directory: documents and bytes so far, the server's count, and
   * an estimate of the seconds left (from the pace so far) once there is one.
   */
  firstSync: z.object({
    done: z.boolean(),
    documents: z.number().int().min(0),
    total: z.number().int().min(0).nullable(),
    bytes: z.number().int().min(0),
    secondsLeft: z.number().min(0).nullable(),
  }),
  /** Per collection of the replica (authorities, cases, case events, ...). */
  collections: z.record(z.string(), collectionSyncStatusSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const initialSyncStatus: SyncStatus = {
  connection: 'connecting',
  pulling: false,
  pushing: false,
  pendingUploads: 0,
  lastSyncAt: null,
  lastError: null,
  documentsReceived: 0,
  quarantined: 0,
  firstSync: { done: false, documents: 0, total: null, bytes: 0, secondsLeft: null },
  collections: {},
};

/** Seconds left at the pace so far; null until there is a pace to go by. */
export function estimateSecondsLeft(done: number, total: number | null, elapsedMs: number): number | null {
  if (total === null || done <= 0 || elapsedMs <= 0) return null;
  if (done >= total) return 0;
  return Math.round(((total - done) * elapsedMs) / done / 1000);
}

/** Delay before the next attempt to reach the server: exponential, capped, with jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 10));
  return Math.round(base / 2 + random() * (base / 2));
}
