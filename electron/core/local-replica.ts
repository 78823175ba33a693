// Opens the local replica on its durable storage, and says plainly when the file on disk
// cannot be used (damaged, or written by a newer version). A damaged or newer replica is
// never altered: the user may set it aside (it is renamed and kept) and download again.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { RxStorage } from 'rxdb';
import { getRxStorageSQLite } from './storage';
import { findStorageError } from './storage/storage-errors';
import { openReplica, type Replica } from './database';

export interface ReplicaProblem {
  kind: 'damaged' | 'newer-version' | 'cannot-open' | 'disk-full';
  file: string;
  message: string;
}

export type ReplicaOpening = { replica: Replica; problem?: undefined } | { replica?: undefined; problem: ReplicaProblem };

export async function openLocalReplica(folder: string, storage?: RxStorage<unknown, unknown>): Promise<ReplicaOpening> {
  const name = `replica_${createHash('sha256').update(folder).digest('hex').slice(0, 12)}`;
  try {
    return { replica: await openReplica(storage ?? (getRxStorageSQLite({ folder, refuseOlderSchemas: true }) as RxStorage<unknown, unknown>), name) };
  } catch (error) {
    const problem = findStorageError(error);
    if (!problem) throw error;
    return { problem: { kind: problem.problem, file: problem.file, message: problem.message } };
  }
}

/** Renames the replica's folder so that nothing in it is lost; returns where it now is. */
export async function setReplicaAside(folder: string, at: Date = new Date()): Promise<string> {
  const keptAt = `${folder}.set-aside-${at.toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(folder)) await rename(folder, keptAt);
  return keptAt;
}
