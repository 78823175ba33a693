// The first sync of the directory: how long a new workstation takes to receive every
// authority from the central server into its SQLite replica, and how much memory the
// workstation's process needs meanwhile. Measured in the same run against two baselines
// reading the same server database:
// - a bare loop over `_changes` that parses each batch and drops it: the most the link and
//   the server can deliver, with no writing at all;
// - PouchDB's own replication into a local PouchDB on LevelDB (its default settings):
//   what a CouchDB-compatible client does out of the box.
// The server runs as a process of its own, and so does our workstation: its memory is its own.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-core';
import levelAdapter from 'pouchdb-adapter-leveldb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
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
 * Our first sync on a fresh replica in `folder`, in a process of its own (as the workstation
 * runs it), timed until every authority is in the replica; with the process's peak memory.
 */
async function firstSyncOfTheWorkstation(centralUrl: string, folder: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'first-sync-workstation.ts'), centralUrl, folder, String(documents)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`The workstation's first sync failed (exit ${code}): ${output}`);
  const line = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as { seconds: number; initialSyncSeconds: number; receivedAtInitialSync: number; held: number; rssBefore: number; peakRss: number };
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
        console.log(`our first sync, run ${run}…`);
        const sync = await firstSyncOfTheWorkstation(server.url, join(folder, `workstation-${run}`));
        console.log(`  initialSync resolved after ${sync.initialSyncSeconds.toFixed(1)} s, with ${sync.receivedAtInitialSync} authorities received`);
        console.log(`  ${sync.held} authorities in the replica after ${sync.seconds.toFixed(1)} s`);
        if (sync.held !== documents) console.log(`  the replica holds ${sync.held} authorities, not ${documents}!`);
        ours.push({ name: `our first sync into SQLite, run ${run}${sync.held === documents ? '' : ' (incomplete!)'}`, seconds: sync.seconds, rssBefore: sync.rssBefore, peakRss: sync.peakRss });
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
      for (const run of ours) {
        console.log(`${run.name}: peak RSS of the workstation's process ${megabytes(run.peakRss).toFixed(0)} MB (${megabytes(run.rssBefore).toFixed(0)} MB when it started; goal: under 300 MB)`);
      }
    } finally {
      await server.kill();
      await rm(folder, { recursive: true, force: true });
    }
  },
};
