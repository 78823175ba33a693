// Searching the directory: our in-memory index (AuthorityIndex) against three ways a
// developer would search the same authorities, in the same run, with the same queries:
// (a) RxDB's `$regex` on the official name, in a collection on our SQLite storage;
// (b) Fuse.js, fuzzy matching over the record's texts;
// (c) MiniSearch, a full-text index with prefixes and typing errors.
// Fuse.js and MiniSearch also get each record's competences by name (label and synonyms in
// all 26 languages), so that they can answer competence queries in any language as ours does.
// For each: build time, memory, query latency (p50, p95) and recall@5.
// Runs in a process of its own with `--expose-gc`, so that memory is measured after a full
// garbage collection and no other suite's leftovers count.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { RxStorage } from 'rxdb';
import { foldForSorting, type Authority } from '../shared/directory/authority';
import { foldedWords, foldText } from '../shared/search/text-folding';
import { openReplica } from '../electron/core/database';
import { getRxStorageSQLite } from '../electron/core/storage';
import { AuthorityIndex, authorityRecord } from '../electron/core/search/authority-index';
import { IndexedCollection } from '../electron/core/search/indexed-collection';
import { loadSearchVocabulary } from '../electron/core/search/search-vocabulary';
import { generateDirectory } from '../server/seed/directory-generator';
import { percentile } from './measure';
import type { BenchmarkSuite } from './run';
import { buildSearchQueries, loadVocabularyFiles, type QueryKind, type SearchQuery, type VocabularyFile } from './search-queries';

const documents = Number(process.env['IMI_DESK_BENCH_SEARCH_DOCS'] ?? 100_000);
/** Fuse.js compares the query with every record's every text: only this many queries for it, in this much time. */
const fuseQueryCap = 40;
const fuseMinutes = Number(process.env['IMI_DESK_BENCH_SEARCH_FUSE_MINUTES'] ?? 30);
const topK = 5;
const weights = { officialName: 5, competences: 4, designation: 3, region: 2, city: 2, description: 1 };
const megabytes = (bytes: number) => bytes / 1024 / 1024;

export const authoritySearchBenchmark: BenchmarkSuite = {
  name: `authority search (${documents.toLocaleString('en')} authorities): our index against RxDB $regex, Fuse.js and MiniSearch`,
  async run() {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', import.meta.filename], { stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`The search benchmark failed (exit ${code})`);
  },
};

/** One way of searching: built once, then asked each query; answers the ids of its first five. */
interface Engine {
  name: string;
  build(): Promise<void>;
  search(query: string): Promise<string[]> | string[];
  close?(): Promise<void>;
  /** Anything more to measure once the queries are done, before closing. */
  afterQueries?(): Promise<void>;
  /** For an engine too slow for all: only the first this many queries, while time is left, after this many warm-up queries. */
  queryCap?: number;
  timeBudgetMs?: number;
  warmUpCount?: number;
}

interface Outcome {
  name: string;
  buildMs: number;
  memoryMB: number;
  durations: { query: SearchQuery; ms: number }[];
  /** Per query with an expected answer: found among the first five? */
  found: { query: SearchQuery; hit: boolean }[];
  failures: string[];
}

function collectGarbage(): number {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

async function measureEngine(engine: Engine, queries: SearchQuery[], warmUp: SearchQuery[], byId: Map<string, Authority>): Promise<Outcome> {
  console.log(`${engine.name}: building…`);
  const heapBefore = collectGarbage();
  const start = performance.now();
  await engine.build();
  const buildMs = performance.now() - start;
  const memoryMB = megabytes(collectGarbage() - heapBefore);
  console.log(`${engine.name}: built in ${(buildMs / 1000).toFixed(1)} s, ${memoryMB.toFixed(0)} MB; querying…`);

  const asked = queries.slice(0, engine.queryCap ?? queries.length);
  for (const query of warmUp.slice(0, engine.warmUpCount ?? warmUp.length)) await engine.search(query.text);
  const outcome: Outcome = { name: engine.name, buildMs, memoryMB, durations: [], found: [], failures: [] };
  let lastProgress = performance.now();
  const deadline = performance.now() + (engine.timeBudgetMs ?? Infinity);
  for (const [n, query] of asked.entries()) {
    if (performance.now() > deadline) {
      console.log(`${engine.name}: out of time after ${n} queries`);
      break;
    }
    let ids: string[] = [];
    const began = performance.now();
    try {
      ids = await engine.search(query.text);
    } catch (error) {
      outcome.failures.push(`${query.about}: ${String(error).slice(0, 120)}`);
    }
    outcome.durations.push({ query, ms: performance.now() - began });
    if (query.accepts) outcome.found.push({ query, hit: ids.slice(0, topK).some((id) => query.accepts!(byId.get(id)!)) });
    if (performance.now() - lastProgress > 30_000) {
      console.log(`${engine.name}: ${n + 1} of ${asked.length} queries`);
      lastProgress = performance.now();
    }
  }
  await engine.afterQueries?.();
  await engine.close?.();
  return outcome;
}

/** Our index, as the workstation builds it. */
function ours(authorities: Authority[]): Engine {
  let index: AuthorityIndex | undefined;
  return {
    name: 'ours (AuthorityIndex)',
    async build() {
      index = new AuthorityIndex(loadSearchVocabulary());
      for (const authority of authorities) index.put(authority);
    },
    search: (query) => index!.search(query, {}, topK).map((hit) => hit.id),
  };
}

/** (a) RxDB on our SQLite storage: the query's words, in order, anywhere in the official name. */
function rxdbRegex(authorities: Authority[]): Engine {
  let replica: Awaited<ReturnType<typeof openReplica>> | undefined;
  let folder = '';
  return {
    name: '(a) RxDB $regex, SQLite storage',
    async build() {
      folder = await mkdtemp(join(tmpdir(), 'imi-desk-bench-search-'));
      replica = await openReplica(getRxStorageSQLite({ folder }) as RxStorage<unknown, unknown>);
      for (let at = 0; at < authorities.length; at += 5_000) {
        await replica.authorities.bulkInsert(authorities.slice(at, at + 5_000));
        if ((at / 5_000) % 4 === 3) console.log(`RxDB: ${(at + 5_000).toLocaleString('en')} inserted`);
      }
    },
    async search(query) {
      // Folded as `sortName` is; regular-expression characters taken literally.
      const words = foldForSorting(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length === 0) return [];
      const pattern = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      const selector = { $or: [{ sortName: { $regex: pattern, $options: 'i' } }, { officialName: { $regex: pattern, $options: 'i' } }] };
      const documents = await replica!.authorities.find({ selector, limit: topK }).exec();
      return documents.map((document) => document.id);
    },
    afterQueries: () => measureStartup(replica!, folder),
    async close() {
      await replica?.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

const startupRows: string[] = [];
/** The slowest start from a snapshot. */
let startupFromSnapshotMs = Number.NaN;

/**
 * Our index at start-up, on the same SQLite replica: built from the replica (no snapshot:
 * the first start), read from its snapshot, and read from its snapshot after 1,000
 * authorities changed in the replica (indexed again, the rest not).
 */
async function measureStartup(replica: Awaited<ReturnType<typeof openReplica>>, folder: string): Promise<void> {
  const snapshotFile = join(folder, 'search-index.bin');
  const start = async (what: string) => {
    const search = new IndexedCollection(replica.authorities, authorityRecord, { snapshotFile });
    const startup = await search.ready;
    await search.close(); // saves the snapshot
    startupRows.push(`| ${what} | ${startup.from} | ${startup.changesApplied.toLocaleString('en')} | ${startup.ms.toFixed(0)} |`);
    console.log(`start-up, ${what}: ${startup.ms.toFixed(0)} ms`);
    return startup.ms;
  };
  await start('first start: built from the replica');
  const unchanged = await start('read from its snapshot');
  const changed = (await replica.authorities.find({ limit: 1_000 }).exec()).map((document) => ({ ...(document.toJSON() as Authority), phone: '+00 000 000' }));
  await replica.authorities.bulkUpsert(changed);
  startupFromSnapshotMs = Math.max(unchanged, await start('read from its snapshot, 1,000 authorities changed since'));
}

/** The flat document Fuse.js and MiniSearch index: the record's own texts and its competences by name. */
type SearchDocument = { id: string; officialName: string; competences: string; designation: string; description: string; region: string; city: string };

/**
 * Flattens the authorities. Texts that many authorities share (designations, descriptions,
 * competence names) are kept once, as our index keeps them once: memory compares the
 * indexes, not copies of the same text.
 */
function searchDocuments(authorities: Authority[], vocabularies: Map<string, VocabularyFile>): SearchDocument[] {
  const names = new Map<string, string>();
  for (const vocabulary of vocabularies.values()) {
    for (const [kind, prefix] of [['profession', 'profession'], ['serviceActivity', 'serviceActivity'], ['legislativeArea', 'area']] as const) {
      for (const [code, entry] of Object.entries(vocabulary[kind] ?? {})) {
        const key = `${prefix}:${code}`;
        names.set(key, [names.get(key), entry.label, ...entry.synonyms].filter(Boolean).join(' · '));
      }
    }
  }
  const shared = new Map<string, string>();
  const once = (text: string) => shared.get(text) ?? (shared.set(text, text), text);
  return authorities.map((authority) => {
    const codes = [
      ...authority.professions.map((code) => `profession:${code}`),
      ...authority.serviceActivities.map((code) => `serviceActivity:${code}`),
      ...authority.legislativeAreas.map((code) => `area:${code}`),
    ];
    return {
      id: authority.id,
      officialName: authority.officialName,
      competences: once(codes.map((code) => names.get(code) ?? '').join(' · ')),
      designation: once(Object.values(authority.designation).join(' · ')),
      description: once(Object.values(authority.description).join(' · ')),
      region: authority.region.name,
      city: authority.address.city,
    };
  });
}

/** (b) Fuse.js: fuzzy matching of the whole query in each text. */
function fuse(authorities: Authority[], vocabularies: Map<string, VocabularyFile>): Engine {
  let engine: Fuse<SearchDocument> | undefined;
  return {
    name: '(b) Fuse.js',
    queryCap: fuseQueryCap,
    timeBudgetMs: fuseMinutes * 60_000,
    // Each query compares every record's every text: the first one is warm-up enough.
    warmUpCount: 2,
    async build() {
      engine = new Fuse(searchDocuments(authorities, vocabularies), {
        keys: Object.entries(weights).map(([name, weight]) => ({ name, weight })),
        threshold: 0.4,
        ignoreLocation: true,
        ignoreDiacritics: true,
      });
    },
    search: (query) => engine!.search(query, { limit: topK }).map((result) => result.item.id),
  };
}

/** (c) MiniSearch: words folded as ours are, prefixes and typing errors, every word required (else any). */
function miniSearch(authorities: Authority[], vocabularies: Map<string, VocabularyFile>): Engine {
  let engine: MiniSearch<SearchDocument> | undefined;
  const searchOptions = { prefix: true, fuzzy: 0.2, boost: weights };
  return {
    name: '(c) MiniSearch',
    async build() {
      engine = new MiniSearch<SearchDocument>({
        fields: Object.keys(weights),
        tokenize: (text) => foldedWords(text),
        processTerm: (term) => foldText(term) || null,
        searchOptions,
      });
      const all = searchDocuments(authorities, vocabularies);
      for (const [n, document] of all.entries()) {
        engine.add(document);
        if (n % 20_000 === 19_999) console.log(`MiniSearch: ${(n + 1).toLocaleString('en')} added`);
      }
    },
    search(query) {
      const all = engine!.search(query, { combineWith: 'AND' });
      const results = all.length > 0 ? all : engine!.search(query, { combineWith: 'OR' });
      return results.slice(0, topK).map((result) => String(result.id));
    },
  };
}

const share = (found: { hit: boolean }[]) => (found.length === 0 ? NaN : found.filter((entry) => entry.hit).length / found.length);
const percent = (value: number) => (Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)} %`);
/** The engine's name, with how many queries it was asked if not all `total`. */
const label = (outcome: Outcome, total: number) => (outcome.durations.length < total ? `${outcome.name} (first ${outcome.durations.length} queries)` : outcome.name);
const short = (text: string) => (text.length > 60 ? `${JSON.stringify(text.slice(0, 40))}… (${text.length} characters)` : JSON.stringify(text));

async function compareSearchEngines(): Promise<void> {
  if (typeof globalThis.gc !== 'function') console.log('(no --expose-gc: memory is the heap growth without a full collection, a rough figure)');
  console.log(`Generating ${documents.toLocaleString('en')} authorities…`);
  const authorities = generateDirectory({ authorities: documents });
  const byId = new Map(authorities.map((authority) => [authority.id, authority]));
  const vocabularies = loadVocabularyFiles();
  const { queries, warmUp } = buildSearchQueries(authorities, vocabularies);
  const counts = (kind: QueryKind) => queries.filter((query) => query.kind === kind).length;
  console.log(
    `${queries.length} queries: ${counts('competence')} competence names in 14 languages, ${counts('name')} official names with typing errors, ` +
      `${counts('region')} region names, ${counts('strange')} strange inputs (latency only); ${warmUp.length} other queries to warm up.`,
  );

  const outcomes: Outcome[] = [];
  for (const engine of [ours(authorities), rxdbRegex(authorities), fuse(authorities, vocabularies), miniSearch(authorities, vocabularies)]) {
    outcomes.push(await measureEngine(engine, queries, warmUp, byId));
  }

  console.log(`\n| engine | build ms | memory MB | p50 ms | p95 ms | recall@5 |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const outcome of outcomes) {
    const ms = outcome.durations.map((entry) => entry.ms);
    const cells = [outcome.buildMs.toFixed(0), outcome.memoryMB.toFixed(1), percentile(ms, 50).toFixed(2), percentile(ms, 95).toFixed(2), percent(share(outcome.found))];
    console.log(`| ${label(outcome, queries.length)} | ${cells.join(' | ')} |`);
  }
  console.log(
    `\nMemory: JS heap growth over the build, after full garbage collections${typeof globalThis.gc === 'function' ? '' : ' (unavailable here: rough)'}; ` +
      'for RxDB without SQLite’s own (native) memory and file. Latency: each query once, after 20 warm-up queries. ' +
      `Fuse.js: the first ${fuseQueryCap} queries only (all with an expected answer), or as many as ${fuseMinutes} minutes allow, ` +
      'after 2 warm-up queries; its latency and recall on those.',
  );
  const [our, , , mini] = outcomes as [Outcome, Outcome, Outcome, Outcome];
  const p95 = percentile(our.durations.map((entry) => entry.ms), 95);
  console.log('\nGoals:');
  console.log(`- ours p95 under 5 ms: ${p95 < 5 ? 'met' : 'NOT met'} (${p95.toFixed(2)} ms)`);
  console.log(`- ours recall@5 at least MiniSearch's: ${share(our.found) >= share(mini.found) ? 'met' : 'NOT met'} (${percent(share(our.found))} against ${percent(share(mini.found))})`);
  console.log(`- ours memory at most MiniSearch's: ${our.memoryMB <= mini.memoryMB ? 'met' : 'NOT met'} (${our.memoryMB.toFixed(1)} MB against ${mini.memoryMB.toFixed(1)} MB)`);
  console.log(`- ours ready within 1 s of start-up: ${startupFromSnapshotMs < 1_000 ? 'met' : 'NOT met'} (${startupFromSnapshotMs.toFixed(0)} ms from its snapshot, at most)`);

  console.log('\nOur index ready at start-up (SQLite replica of the same authorities):\n');
  console.log('| start | from | authorities indexed | ms |');
  console.log('|---|---|---:|---:|');
  for (const row of startupRows) console.log(row);

  console.log('\nRecall@5 by kind of query (queries counted):\n');
  console.log('| engine | competence | name with typing errors | region |');
  console.log('|---|---:|---:|---:|');
  for (const outcome of outcomes) {
    const cells = (['competence', 'name', 'region'] as const).map((kind) => {
      const found = outcome.found.filter((entry) => entry.query.kind === kind);
      return `${percent(share(found))} (${found.length})`;
    });
    console.log(`| ${label(outcome, queries.length)} | ${cells.join(' | ')} |`);
  }

  console.log('\nOur misses (no expected authority among the first five):');
  for (const { query } of our.found.filter((entry) => !entry.hit)) console.log(`- ${query.kind}: ${short(query.text)} — ${query.about}`);
  console.log('\nOur slowest queries:');
  for (const { query, ms } of [...our.durations].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`- ${ms.toFixed(2)} ms: ${query.kind} ${short(query.text)}`);
  for (const outcome of outcomes) if (outcome.failures.length > 0) console.log(`\n${outcome.name} threw on: ${outcome.failures.join('; ')}`);
}

if (process.argv[1] === import.meta.filename) await compareSearchEngines();
