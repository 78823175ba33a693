// One SQLite connection per database file, shared by all collections of an RxDB database,
// opened in WAL mode and checked before use.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { CacheBudget, DocumentCache, type TableState } from './document-cache';
import { explainSqliteErrors, StorageFileError } from './storage-errors';
import { Subject } from 'rxjs';

/** The layout of our tables; a file written by a later layout is refused, not altered. */
export const storageFormatVersion = 1;

export interface DatabaseFile {
  path: string;
  connection: Database.Database;
  references: number;
  /** Per table: what the storage instances of that table share. */
  tables: Map<string, TableState>;
  /** What the document caches of all its tables may hold together. */
  cacheBudget: CacheBudget;
}

export function tableState(file: DatabaseFile, table: string): TableState {
  let state = file.tables.get(table);
  if (!state) {
    state = { cache: new DocumentCache(file.cacheBudget), changes: new Subject(), instances: 0, pending: true, applyScheduled: false, queue: [] };
    file.tables.set(table, state);
  }
  return state;
}

const openFiles = new Map<string, DatabaseFile>();

export type Durability = 'crash' | 'power-cut';

/** Paths of databases kept in memory (tests): one connection, hence one database, per name. */
export const inMemoryPrefix = ':memory:';

function open(path: string, durability: Durability): Database.Database {
  const inMemory = path.startsWith(inMemoryPrefix);
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const connection = new Database(inMemory ? ':memory:' : path);
  try {
    connection.pragma('journal_mode = WAL');
    // With WAL, NORMAL keeps every committed write through a crash of the process or of the
    // application (the write is in the journal before the commit returns); a power cut may
    // undo the last commits but never damages the file. FULL also survives power cuts, at the
    // cost of a disk flush per commit.
    connection.pragma(`synchronous = ${durability === 'power-cut' ? 'FULL' : 'NORMAL'}`);
    connection.pragma('busy_timeout = 5000');
    // Read pages through the operating system's cache instead of copying them in, up to a
    // bound: mapped pages count as the application's memory.
    connection.pragma('mmap_size = 33554432');
    const check = connection.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new StorageFileError('damaged', path, `The local data file ${path} is damaged (${String(check)}).`);
    const version = connection.pragma('user_version', { simple: true }) as number;
    if (version > storageFormatVersion) {
      throw new StorageFileError('newer-version', path, `The local data file ${path} was written by a newer version of IMI Desk (format ${version}); this version reads format ${storageFormatVersion}.`);
    }
    if (version === 0) connection.pragma(`user_version = ${storageFormatVersion}`);
    connection.exec(`CREATE TABLE IF NOT EXISTS collections (
      name TEXT NOT NULL, version INTEGER NOT NULL, created_at REAL NOT NULL, PRIMARY KEY (name, version))`);
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}

export function acquireDatabaseFile(path: string, durability: Durability = 'crash', cacheBudget?: number): DatabaseFile {
  let file = openFiles.get(path);
  if (!file) {
    file = { path, connection: explainSqliteErrors(path, () => open(path, durability)), references: 0, tables: new Map(), cacheBudget: new CacheBudget(cacheBudget) };
    openFiles.set(path, file);
  }
  file.references += 1;
  return file;
}

export function releaseDatabaseFile(file: DatabaseFile): void {
  file.references -= 1;
  if (file.references > 0) return;
  openFiles.delete(file.path);
  if (!file.connection.open) return;
  // A database whose every collection was removed leaves no file behind.
  const empty = !file.path.startsWith(inMemoryPrefix) && (file.connection.prepare('SELECT count(*) FROM collections').pluck().get() as number) === 0;
  file.connection.close();
  if (empty) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file.path}${suffix}`, { force: true });
}
