// A page of the directory list (100 rows of one country, in name order), as the renderer
// asks for it: through the core's indexed RxDB query, against a plain scan-filter-sort of
// the same records in memory (the baseline).
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
  name: 'directory page (5,737 authorities, country DE, 100 rows from offset 500)',
  async run() {
    const folder = await mkdtemp(join(tmpdir(), 'imi-desk-bench-'));
    const authorities = generateDirectory();
    const replica = await openReplica();
    await replica.authorities.bulkInsert(authorities);
    const calls = directoryCalls(replica.authorities);
    const input = { filter: { country: 'DE' as const }, language: 'de' as const, offset: 500, limit: 100 };

    const baseline = await measure(() =>
      authorities
        .filter((a) => a.country === 'DE')
        .sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1))
        .slice(500, 600)
        .map((a) => summarizeAuthority(a, 'de')),
    );
    const ours = await measure(() => calls['directory.page'](input));
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
