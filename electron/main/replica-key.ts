// The secret that encrypts personal data in the replica, kept by the operating system's key
// store through safeStorage. Where Linux falls back to its plain-text store, the secret would
// not be protected: then the user protects the data with a passphrase instead.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { ReplicaKey } from '../core/workstation-core';

export function replicaKey(userDataFolder: string): ReplicaKey {
  if (!safeStorage.isEncryptionAvailable()) return { kind: 'passphrase' };
  if (process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) {
    return { kind: 'passphrase' };
  }
  const file = join(userDataFolder, 'replica-key.bin');
  if (existsSync(file)) return { kind: 'secret', secret: safeStorage.decryptString(readFileSync(file)) };
  const secret = randomBytes(32).toString('base64');
  writeFileSync(file, safeStorage.encryptString(secret), { mode: 0o600, flag: 'wx' });
  return { kind: 'secret', secret };
}
