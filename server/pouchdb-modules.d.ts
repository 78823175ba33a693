// Minimal typings for the PouchDB server packages used by the embedded central server.
declare module 'pouchdb-core' {
  interface PouchDBStatic {
    plugin(plugin: unknown): PouchDBStatic;
    defaults(options: Record<string, unknown>): PouchDBStatic;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-leveldb';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  function expressPouchDB(PouchDB: unknown, options: Record<string, unknown>): RequestListener & { couchConfig: unknown };
  export default expressPouchDB;
}
