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

export type ReplicaOpening =
  | { replica: Replica; problem?: undefined; locked?: undefined }
  | { replica?: undefined; problem: ReplicaProblem; locked?: undefined }
  /** Waiting for the passphrase that protects it (or for a first one to be chosen). */
  | { replica?: undefined; problem?: undefined; locked: 'enter-passphrase' | 'choose-passphrase' };

/** The state of a replica that waits for its passphrase. */
export function lockedReplica(folder: string): ReplicaOpening {
  return { locked: existsSync(folder) ? 'enter-passphrase' : 'choose-passphrase' };
}

/** The replica is protected by another passphrase (or key) than the one given. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('This passphrase does not open the local data.');
    this.name = 'WrongPassphraseError';
  }
}

export async function openLocalReplica(folder: string, storage?: RxStorage<unknown, unknown>, password?: string): Promise<ReplicaOpening> {
  const name = `replica_${createHash('sha256').update(folder).digest('hex').slice(0, 12)}`;
  try {
    return { replica: await openReplica(storage ?? (getRxStorageSQLite({ folder, refuseOlderSchemas: true }) as RxStorage<unknown, unknown>), name, password) };
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'DB1') throw new WrongPassphraseError();
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
