import { z } from 'zod';

export const syncErrorCodes = ['unreachable', 'server-error', 'invalid-response', 'invalid-documents', 'local-disk-full'] as const;

/** What the workstation knows about its link with the central endpoint. */
export const syncStatusSchema = z.object({
  /** `paused`: nothing to synchronise while the local data waits (locked or unusable). */
  connection: z.enum(['connecting', 'online', 'offline', 'paused']),
  pulling: z.boolean(),
  pushing: z.boolean(),
  pendingUploads: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  lastError: z.object({ code: z.enum(syncErrorCodes), detail: z.string() }).nullable(),
  documentsReceived: z.number().int().min(0),
  quarantined: z.number().int().min(0),
  firstSync: z.object({ done: z.boolean(), documents: z.number().int().min(0), total: z.number().int().min(0).nullable() }),
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
  firstSync: { done: false, documents: 0, total: null },
};

/** Delay before the next attempt to reach the server: exponential, capped, with jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 10));
  return Math.round(base / 2 + random() * (base / 2));
}
