// A page of the directory list (100 rows of one country, in name order), as the renderer
// asks for it: through the core's indexed RxDB query, against a plain scan-filter-sort of
// the same records in memory (the baseline). Countries and offsets vary from run to run so
// that RxDB's query cache does not answer for the storage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeAuthority } from '../shared/directory/authority';
import { openReplica } from '../electron/core/database';
import { directoryCalls } from '../electron/core/directory/directory-queries';
import { generateDirectory } from '../server/seed/directory-generator';
import type { BenchmarkSuite } from './run';
import { measure, printTable } from './measure';

export const directoryPageBenchmark: BenchmarkSuite = {
  name: 'directory page (5,737 authorities, 100 rows of one country, in name order)',
  async run() {
    const folder = await mkdtemp(join(tmpdir(), 'imi-desk-bench-'));
    const authorities = generateDirectory();
    const replica = await openReplica();
    await replica.authorities.bulkInsert(authorities);
    const calls = directoryCalls(replica.authorities);
    const countries = ['DE', 'ES', 'NL', 'PL', 'UK', 'CZ', 'FR'] as const;
    const inputs = Array.from({ length: 70 }, (_, i) => ({
      filter: { country: countries[i % countries.length]! },
      language: 'de' as const,
      offset: Math.floor(i / countries.length) * 10,
      limit: 100,
    }));
    let next = 0;
    const nextInput = () => inputs[next++ % inputs.length]!;

    const baseline = await measure(() => {
      const { filter, offset, limit } = nextInput();
      return authorities
        .filter((a) => a.country === filter.country)
        .sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1))
        .slice(offset, offset + limit)
        .map((a) => summarizeAuthority(a, 'de'));
    }, 60);
    next = 0;
    const ours = await measure(() => calls['directory.page'](nextInput()), 60);
    printTable(
      [
        { name: 'baseline: scan, filter and sort in memory', durations: baseline },
        { name: 'directory.page (RxDB query on the country+name index)', durations: ours },
      ],
      'baseline: scan, filter and sort in memory',
    );
    await replica.close();
    await rm(folder, { recursive: true, force: true });
  },
};
