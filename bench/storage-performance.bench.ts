// RxDB's own storage benchmark (runPerformanceTests) for the SQLite storage and for RxDB's
// memory storage in the same run, with the ratio per operation.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runPerformanceTests } from 'rxdb/plugins/test-utils';
import { getRxStorageSQLite } from '../electron/core/storage';
import type { BenchmarkSuite } from './run';

const runs = Number(process.env['IMI_DESK_BENCH_RUNS'] ?? 10);

export const storagePerformanceBenchmark: BenchmarkSuite = {
  // RxDB reports the average of the fastest 5 % of runs (with 10 runs: the fastest one).
  name: `RxDB runPerformanceTests: SQLite storage against the memory storage (${runs} runs each; RxDB averages the fastest 5 % of runs)`,
  async run() {
    const folder = await mkdtemp(join(tmpdir(), 'imi-desk-bench-storage-'));
    const config = { runs, log: false };
    const memory = await runPerformanceTests(getRxStorageMemory(), 'memory', config);
    const sqlite = await runPerformanceTests(getRxStorageSQLite({ folder }), 'sqlite', config);
    console.log('| operation | memory ms | SQLite ms | SQLite / memory |');
    console.log('|---|---:|---:|---:|');
    for (const [key, value] of Object.entries(memory)) {
      const ours = sqlite[key];
      if (typeof value !== 'number' || typeof ours !== 'number') continue;
      console.log(`| ${key} | ${value.toFixed(2)} | ${ours.toFixed(2)} | ${(ours / value).toFixed(2)} |`);
    }
    await rm(folder, { recursive: true, force: true });
  },
};
