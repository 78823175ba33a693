// RxDB's own replication conformance suite (runReplicationBaseTestSuite) run with our CouchDB
// pull and push handlers against a real PouchDB server process.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { addRxPlugin, type RxCollection } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { getRxStorageSQLite } from '../storage';
import { runReplicationBaseTestSuite, setConfig } from 'rxdb/plugins/test-utils';
import { CentralClient } from '../../../server/central-client';
import { startCentralProcess, type CentralProcess } from '../../../server/testing/central-process';
import { replicateWithCouch } from './couch-replication';
import { watchDatabase } from './database-watcher';
import { Quarantine } from './quarantine';
import { Subject } from 'rxjs';

// The suite is written for mocha: it declares its tests with the global describe and it.
Object.assign(globalThis, { describe, it });
// Its collections are made in dev-mode (which wants a validating storage), on our storage.
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBAttachmentsPlugin);
disableWarnings();
const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageSQLite({ folder: ':memory:' }) });
setConfig({
  platform: 'node',
  storage: { name: 'sqlite', getStorage: storage, getPerformanceStorage: () => ({ storage: storage(), description: 'sqlite' }), hasPersistence: true, hasMultiInstance: false, hasAttachments: true, hasReplication: true },
} as unknown as Parameters<typeof setConfig>[0]);

let server: CentralProcess;
let client: CentralClient;
const database = 'replication-suite';
const databaseUrl = () => `${server.url}/${database}`;

beforeAll(async () => {
  server = await startCentralProcess({ authorities: 0 });
  client = new CentralClient(server.url);
  await client.expect('PUT', database, [201, 202, 412]);
}, 120_000);

afterAll(async () => {
  await server?.kill();
});

function startReplication(collection: RxCollection, live: boolean) {
  const changes = new Subject<void>();
  const watcher = live ? watchDatabase(databaseUrl(), { longPollMs: 2_000 }) : undefined;
  const watching = watcher?.events.subscribe((event) => event.kind !== 'offline' && changes.next());
  const replication = replicateWithCouch({
    collection,
    databaseUrl: databaseUrl(),
    identifier: `suite-${database}`,
    live,
    quarantine: new Quarantine(),
    changes,
    retryTime: 500,
  });
  collection.onClose.push(() => {
    watching?.unsubscribe();
    watcher?.stop();
  });
  return replication.state;
}

describe('RxDB replication conformance with the CouchDB handlers', () => {
  runReplicationBaseTestSuite({
    startReplication: (collection: RxCollection) => startReplication(collection, true),
    syncOnce: async (collection: RxCollection) => {
      const state = startReplication(collection, false);
      await state.awaitInitialReplication();
      await state.cancel();
    },
    // Attachments travel whenever the collection's schema has them.
    syncOnceWithAttachments: async (collection: RxCollection) => {
      const state = startReplication(collection, false);
      await state.awaitInitialReplication();
      await state.cancel();
    },
    getAllServerDocs: async () => {
      const body = (await client.expect('GET', `${database}/_changes?include_docs=true&style=main_only`, [200])) as { results: { doc: Record<string, unknown> }[] };
      return body.results.map((row) => row.doc).filter((doc) => !String(doc['_id']).startsWith('_design/'));
    },
    cleanUpServer: async () => {
      await client.expect('DELETE', database, [200, 404]);
      await client.expect('PUT', database, [201, 202]);
    },
    softDeletes: true,
    isDeleted: (doc: Record<string, unknown>) => doc['_deleted'] === true,
    getPrimaryOfServerDoc: (doc: Record<string, unknown>) => String(doc['_id']),
  } as unknown as Parameters<typeof runReplicationBaseTestSuite>[0]);
});
