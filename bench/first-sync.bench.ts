// The first sync of the directory: how long a new workstation takes to receive every
// authority from the central server into its SQLite replica, and how much memory the
// workstation's process needs meanwhile. Measured in the same run against two baselines
// reading the same server database:
// - a bare loop over `_changes` that parses each batch and drops it: the most the link and
//   the server can deliver, with no writing at all;
// - PouchDB's own replication into a local PouchDB on LevelDB (its default settings):
//   what a CouchDB-compatible client does out of the box.
// The server runs as a process of its own, so its work is not counted in our memory.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-core';
import levelAdapter from 'pouchdb-adapter-leveldb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { openWorkstationCore } from '../electron/core/workstation-core';
import { directoryDatabaseName } from '../shared/directory/central-documents';
import { startCentralProcess } from '../server/testing/central-process';
import type { BenchmarkSuite } from './run';

const documents = Number(process.env['IMI_DESK_BENCH_FIRST_SYNC_DOCS'] ?? 100_000);
const batch = 1_000;
const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** What this suite needs of a local PouchDB (the project's PouchDB typings are minimal). */
interface LocalPouchDB {
  info(): Promise<{ doc_count: number }>;
  close(): Promise<void>;
}
interface LocalPouchDBClass {
  new (name: string, options: { prefix: string }): LocalPouchDB;
  replicate(source: string, target: LocalPouchDB): Promise<{ docs_written: number }>;
}

/** Baseline: read the whole change feed, parse each batch, keep nothing. Returns the rows read. */
async function readChangesAndDropThem(databaseUrl: string): Promise<number> {
  let since: string | number = 0;
  let rows = 0;
  for (;;) {
    const response = await fetch(`${databaseUrl}/_changes?include_docs=true&limit=${batch}&since=${encodeURIComponent(String(since))}`);
    const body = JSON.parse(await response.text()) as { results: unknown[]; last_seq: string | number };
    rows += body.results.length;
    if (body.results.length < batch) return rows;
    since = body.last_seq;
  }
}

/** Baseline: PouchDB's replication into a fresh LevelDB database in `folder`. Returns the documents written. */
async function replicateWithPouchDB(databaseUrl: string, folder: string): Promise<number> {
  const LocalPouchDB = PouchDB.plugin(httpAdapter).plugin(replication).plugin(levelAdapter) as unknown as LocalPouchDBClass;
  const local = new LocalPouchDB(directoryDatabaseName, { prefix: `${folder}/` });
  const result = await LocalPouchDB.replicate(databaseUrl, local);
  const { doc_count } = await local.info();
  await local.close();
  console.log(`PouchDB replicate: ${result.docs_written} documents written, ${doc_count} in the local database`);
  return result.docs_written;
}

/**
 * Our first sync on a fresh replica in `folder`. Timed until every authority is in the
 * replica: the moment `initialSync` resolves is noted too, with what had arrived by then,
 * in case it resolves before the download is over.
 */
async function firstSyncOfTheWorkstation(centralUrl: string, folder: string) {
  // The process's memory (resident set), sampled every 50 ms while the sync runs.
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const core = await openWorkstationCore({ dataFolder: folder, centralUrl, workspace: 'connected', version: 'bench' });
  // The sync's own count of documents received, from the status the user sees.
  let received = 0;
  let lastProgress = performance.now();
  const stopWatching = core.streams['sync.status']({}, (status) => {
    if (status.documentsReceived !== received) lastProgress = performance.now();
    received = status.documentsReceived;
  });
  await core.initialSync;
  const initialSync = { seconds: (performance.now() - start) / 1000, received };
  // Then until every authority is received, or nothing more has come for 30 seconds.
  while (received < documents && performance.now() - lastProgress < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
  const complete = received >= documents;
  await core.awaitInSync();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  stopWatching();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const counts = await core.calls['directory.countryCounts']({});
  await core.close();
  const held = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { seconds, initialSync, complete, held, peakRss };
}

async function timed<T>(task: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = performance.now();
  const result = await task();
  return { seconds: (performance.now() - start) / 1000, result };
}

export const firstSyncBenchmark: BenchmarkSuite = {
  name: `first sync of the directory (${documents.toLocaleString('en')} authorities) into the SQLite replica, against PouchDB replicate and a bare _changes loop`,
  async run() {
    if (!Number.isInteger(documents) || documents <= 0) throw new Error('IMI_DESK_BENCH_FIRST_SYNC_DOCS must be a positive whole number.');
    console.log('Goals: our first sync at least 2x as fast as PouchDB replicate, at least half as fast as the bare loop,');
    console.log('and the workstation process under 300 MB of memory (peak RSS) during the sync.\n');
    const folder = await mkdtemp(join(tmpdir(), 'imi-desk-bench-first-sync-'));
    console.log(`seeding ${documents.toLocaleString('en')} authorities into the central server (this takes a while)…`);
    const seedingStart = performance.now();
    const elapsed = () => `${((performance.now() - seedingStart) / 1000).toFixed(0)} s`;
    const ticker = setInterval(() => console.log(`  still seeding… ${elapsed()}`), 15_000);
    const server = await startCentralProcess({ authorities: documents, dataFolder: join(folder, 'central') })
      .catch(async (error: unknown) => {
        await rm(folder, { recursive: true, force: true });
        throw error;
      })
      .finally(() => clearInterval(ticker));
    console.log(`seeded in ${elapsed()}\n`);
    try {
      const databaseUrl = `${server.url}/${directoryDatabaseName}`;

      console.log('bare loop over _changes…');
      const bare = await timed(() => readChangesAndDropThem(databaseUrl));
      console.log(`bare loop: ${bare.result} rows in ${bare.seconds.toFixed(1)} s`);

      console.log('PouchDB replicate into LevelDB…');
      await mkdir(join(folder, 'pouchdb'));
      const pouch = await timed(() => replicateWithPouchDB(databaseUrl, join(folder, 'pouchdb')));
      console.log(`PouchDB replicate: ${pouch.seconds.toFixed(1)} s`);

      // Ours twice, each on a fresh replica: one run alone says little on a shared machine.
      const ours: { name: string; seconds: number; rssBefore: number; peakRss: number }[] = [];
      for (const run of [1, 2]) {
        const rssBefore = process.memoryUsage().rss;
        console.log(`our first sync, run ${run}…`);
        const sync = await firstSyncOfTheWorkstation(server.url, join(folder, `workstation-${run}`));
        console.log(`  initialSync resolved after ${sync.initialSync.seconds.toFixed(1)} s, with ${sync.initialSync.received} authorities received`);
        if (!sync.complete) console.log('  then nothing more arrived for 30 s: gave up waiting');
        console.log(`  ${sync.held} authorities in the replica after ${sync.seconds.toFixed(1)} s`);
        if (sync.held !== documents) console.log(`  the replica holds ${sync.held} authorities, not ${documents}!`);
        ours.push({ name: `our first sync into SQLite, run ${run}${sync.held === documents ? '' : ' (incomplete!)'}`, seconds: sync.seconds, rssBefore, peakRss: sync.peakRss });
      }

      // Speed ratios: documents/s of the row divided by documents/s of the baseline (higher is faster).
      const rows = [{ name: 'bare loop over _changes (parse and drop)', seconds: bare.seconds }, { name: 'PouchDB replicate into LevelDB (defaults)', seconds: pouch.seconds }, ...ours];
      console.log('\n| measure | seconds | documents/s | ratio to PouchDB replicate | ratio to bare loop |');
      console.log('|---|---:|---:|---:|---:|');
      for (const row of rows) {
        const perSecond = Math.round(documents / row.seconds).toLocaleString('en');
        console.log(`| ${row.name} | ${row.seconds.toFixed(1)} | ${perSecond} | ${(pouch.seconds / row.seconds).toFixed(2)} | ${(bare.seconds / row.seconds).toFixed(2)} |`);
      }
      console.log('\n(ratios: documents/s of the row over the baseline\'s; goals: ≥ 2 to PouchDB replicate, ≥ 0.5 to the bare loop)');
      // The process seldom gives memory back: a later run starts from what the earlier ones left.
      for (const run of ours) {
        console.log(`${run.name}: peak RSS ${megabytes(run.peakRss).toFixed(0)} MB (${megabytes(run.rssBefore).toFixed(0)} MB before it started, so +${megabytes(run.peakRss - run.rssBefore).toFixed(0)} MB; goal: under 300 MB)`);
      }
    } finally {
      await server.kill();
      await rm(folder, { recursive: true, force: true });
    }
  },
};
