// `npm run bench`: runs every benchmark suite; each prints a baseline measured in the same
// run next to our figure. Machines are shared and noisy: compare ratios, quote medians.
import { authoritySearchBenchmark } from './authority-search.bench';
import { directoryPageBenchmark } from './directory-page.bench';
import { firstSyncBenchmark } from './first-sync.bench';
import { requestInboxBenchmark } from './request-inbox.bench';
import { storagePerformanceBenchmark } from './storage-performance.bench';

export interface BenchmarkSuite {
  name: string;
  run(): Promise<void>;
}

const suites: BenchmarkSuite[] = [directoryPageBenchmark, requestInboxBenchmark, storagePerformanceBenchmark, firstSyncBenchmark, authoritySearchBenchmark];
const only = process.argv[2];

for (const suite of suites) {
  if (only && !suite.name.includes(only)) continue;
  console.log(`\n## ${suite.name}\n`);
  await suite.run();
}
