// The embedded central server: a CouchDB-compatible endpoint (PouchDB server) for the
// training workspace, `npm start` and tests. Production uses an Apache CouchDB cluster.
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { devNull } from 'node:os';
import type { AddressInfo } from 'node:net';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import levelAdapter from 'pouchdb-adapter-leveldb';
import httpAdapter from 'pouchdb-adapter-http';
import mapReduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';

export interface EmbeddedServerOptions {
  /** Folder for the databases; without one they live in memory. */
  dataFolder?: string;
  port?: number;
  host?: string;
}

export interface EmbeddedServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startEmbeddedServer(options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const inMemory = options.dataFolder === undefined;
  const base = PouchDB.plugin(httpAdapter).plugin(mapReduce).plugin(replication);
  let ThisPouchDB;
  let files: Record<string, unknown> = { inMemoryConfig: true, logPath: devNull };
  if (inMemory) {
    ThisPouchDB = base.plugin(memoryAdapter).defaults({ adapter: 'memory' });
  } else {
    const folder = options.dataFolder!;
    mkdirSync(folder, { recursive: true });
    ThisPouchDB = base.plugin(levelAdapter).defaults({ prefix: `${folder}/` });
    files = { configPath: join(folder, 'config.json'), logPath: join(folder, 'log.txt') };
  }
  const app = expressPouchDB(ThisPouchDB, {
    mode: 'fullCouchDB',
    overrideMode: { exclude: ['routes/fauxton', 'routes/http-log'] },
    ...files,
  });
  const server: Server = createServer(app);
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
