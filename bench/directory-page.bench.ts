// A page of the directory list (100 rows of one country, in name order), as the renderer
// asks for it: through the core's indexed RxDB query, against a plain scan-filter-sort of
// the same records in memory (the baseline). Countries and offsets vary from run to run so
// that RxDB's query cache does not answer for the storage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeAuthority } from '../shared/directory/authority';
import { openReplica } from '../electron/core/database';
import { getRxStorageSQLite } from '../electron/core/storage';
import type { RxStorage } from 'rxdb';
import { directoryCalls } from '../electron/core/directory/directory-queries';
import { generateDirectory } from '../server/seed/directory-generator';
import type { BenchmarkSuite } from './run';
import { measure, printTable } from './measure';

export const directoryPageBenchmark: BenchmarkSuite = {
  name: 'directory page (5,737 authorities, 100 rows of one country, in name order)',
  async run() {
    const folder = await mkdtemp(join(tmpdir(), 'imi-desk-bench-'));
    const authorities = generateDirectory();
    const open = async (storage?: RxStorage<unknown, unknown>) => {
      const replica = await openReplica(storage);
      await replica.authorities.bulkInsert(authorities);
      return { replica, calls: directoryCalls(() => replica.authorities) };
    };
    const memory = await open();
    const sqlite = await open(getRxStorageSQLite({ folder }) as RxStorage<unknown, unknown>);
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
    const onMemory = await measure(() => memory.calls['directory.page'](nextInput()), 60);
    next = 0;
    const onSqlite = await measure(() => sqlite.calls['directory.page'](nextInput()), 60);
    printTable(
      [
        { name: 'baseline: scan, filter and sort in memory', durations: baseline },
        { name: 'directory.page on RxDB memory storage (country+name index)', durations: onMemory },
        { name: 'directory.page on the SQLite storage (country+name index)', durations: onSqlite },
      ],
      'baseline: scan, filter and sort in memory',
    );
    await memory.replica.close();
    await sqlite.replica.close();
    await rm(folder, { recursive: true, force: true });
  },
};
