// IMI Desk's durable RxStorage: RxDB collections in SQLite files (better-sqlite3), one file
// per RxDB database in the given folder, WAL journal, real indexes, attachments.
import { join } from 'node:path';
import { ensureRxStorageInstanceParamsAreCorrect, RXDB_VERSION, type RxStorage, type RxStorageInstanceCreationParams } from 'rxdb';
import { acquireDatabaseFile, inMemoryPrefix, releaseDatabaseFile, type Durability } from './database-file';
import { indexColumnsOf } from './index-keys';
import { SQLiteStorageInstance, type SQLiteStorageInternals } from './sqlite-storage-instance';
import { createTables, newestVersionOf } from './sqlite-tables';
import { explainSqliteErrors, StorageFileError } from './storage-errors';

export { StorageFileError } from './storage-errors';

export interface SQLiteStorageOptions {
  /** Folder of the database files; `:memory:` keeps them in memory (tests). */
  folder: string;
  /**
   * Refuse to open a collection when the file holds a newer schema version of it (the data
   * was written by a newer version of the application). Off for RxDB's own test suites,
   * which open versions in any order.
   */
  refuseOlderSchemas?: boolean;
  /**
   * 'crash' (default): every acknowledged write survives a crash of the process; a power cut
   * may undo the last ones. 'power-cut': they survive a power cut too (a disk flush per write).
   */
  durability?: Durability;
  /**
   * How much parsed documents may be kept in memory per table, in characters of their JSON
   * (default about 24 million: a directory of some ten thousand authorities).
   */
  cacheBudget?: number;
}

export type RxStorageSQLite = RxStorage<SQLiteStorageInternals, Record<string, never>>;

export function databaseFilePath(folder: string, databaseName: string): string {
  if (folder === ':memory:') return `${inMemoryPrefix}${databaseName}`;
  return join(folder, `${databaseName.replace(/[^a-zA-Z0-9_-]/g, '_')}.sqlite`);
}

export function getRxStorageSQLite(options: SQLiteStorageOptions): RxStorageSQLite {
  return {
    name: 'sqlite',
    rxdbVersion: RXDB_VERSION,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Record<string, never>>) {
      ensureRxStorageInstanceParamsAreCorrect(params);
      const path = databaseFilePath(options.folder, params.databaseName);
      const file = acquireDatabaseFile(path, options.durability, options.cacheBudget);
      try {
        const { connection } = file;
        const newest = explainSqliteErrors(path, () => newestVersionOf(connection, params.collectionName));
        if (options.refuseOlderSchemas && newest !== undefined && newest > params.schema.version) {
          throw new StorageFileError(
            'newer-version',
            path,
            `The local data of "${params.collectionName}" was written by a newer version of IMI Desk (schema ${newest}); this version reads schema ${params.schema.version}.`,
          );
        }
        const tables = explainSqliteErrors(path, () => createTables(connection, params.collectionName, params.schema.version, indexColumnsOf(params.schema)));
        return new SQLiteStorageInstance<RxDocType>(params.databaseName, params.collectionName, params.schema, { file }, params.options, tables);
      } catch (error) {
        releaseDatabaseFile(file);
        throw error;
      }
    },
  };
}
