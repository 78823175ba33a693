// The tables of one collection (at one schema version) inside a database file.
import type Database from 'better-sqlite3';
import type { IndexColumn } from './index-keys';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface CollectionTables {
  documents: string;
  attachments: string;
  /** Acknowledged writes whose index columns are not written yet (see SQLiteStorageInstance). */
  pending: string;
}

export function tablesOf(collectionName: string, version: number): CollectionTables {
  return {
    documents: quote(`documents:${collectionName}:v${version}`),
    attachments: quote(`attachments:${collectionName}:v${version}`),
    pending: quote(`pending:${collectionName}:v${version}`),
  };
}

export function createTables(connection: Database.Database, collectionName: string, version: number, indexes: IndexColumn[]): CollectionTables {
  const tables = tablesOf(collectionName, version);
  const indexColumns = indexes.map((index) => `, ${index.column} TEXT NOT NULL`).join('');
  const bare = (table: string) => table.slice(1, -1);
  connection.transaction(() => {
    connection.exec(`CREATE TABLE IF NOT EXISTS ${tables.documents} (
      id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL, deleted INTEGER NOT NULL, lwt REAL NOT NULL${indexColumns})`);
    for (const index of indexes) {
      // With the id in the index, a query finds its documents' ids without reading the table.
      connection.exec(`CREATE INDEX IF NOT EXISTS ${quote(`${bare(tables.documents)}:${index.column}`)} ON ${tables.documents} (${index.column}, id)`);
    }
    connection.exec(`CREATE TABLE IF NOT EXISTS ${tables.pending} (sequence INTEGER PRIMARY KEY, documents TEXT NOT NULL)`);
    connection.exec(`CREATE TABLE IF NOT EXISTS ${tables.attachments} (
      document_id TEXT NOT NULL, attachment_id TEXT NOT NULL, digest TEXT NOT NULL, type TEXT NOT NULL, data BLOB NOT NULL,
      PRIMARY KEY (document_id, attachment_id))`);
    connection
      .prepare('INSERT OR IGNORE INTO collections (name, version, created_at) VALUES (?, ?, ?)')
      .run(collectionName, version, Date.now());
  })();
  return tables;
}

export function dropTables(connection: Database.Database, collectionName: string, version: number): void {
  const tables = tablesOf(collectionName, version);
  connection.transaction(() => {
    connection.exec(`DROP TABLE IF EXISTS ${tables.documents}`);
    connection.exec(`DROP TABLE IF EXISTS ${tables.attachments}`);
    connection.exec(`DROP TABLE IF EXISTS ${tables.pending}`);
    connection.prepare('DELETE FROM collections WHERE name = ? AND version = ?').run(collectionName, version);
  })();
}

export function newestVersionOf(connection: Database.Database, collectionName: string): number | undefined {
  const row = connection.prepare('SELECT max(version) AS version FROM collections WHERE name = ?').get(collectionName) as { version: number | null };
  return row.version ?? undefined;
}
