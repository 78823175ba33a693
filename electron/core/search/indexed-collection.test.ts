// The search index at start-up, on a real SQLite replica: built from the replica the first
// time and saved; read back from its snapshot afterwards, with only what changed meanwhile
// indexed again; and a snapshot that is damaged, truncated, of another version or of
// another replica is not used: the index is built from the replica and saved anew.
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Authority } from '../../../shared/directory/authority';
import { generateDirectory } from '../../../server/seed/directory-generator';
import { openReplica, type Replica } from '../database';
import { getRxStorageSQLite } from '../storage';
import { authorityRecord } from './authority-index';
import { IndexedCollection } from './indexed-collection';

const folder = await mkdtemp(join(tmpdir(), 'imidesk-search-'));
const snapshotFile = join(folder, 'search-index.bin');
const directory = generateDirectory().slice(0, 1_500);

async function withReplica<T>(name: string, work: (replica: Replica) => Promise<T>): Promise<T> {
  const replica = await openReplica(getRxStorageSQLite({ folder: join(folder, name) }), `search${name}`);
  try {
    return await work(replica);
  } finally {
    await replica.close();
  }
}

/** Opens the search on the replica, lets `look` ask it, and closes it (which saves the snapshot). */
type Search = IndexedCollection<Authority>;

async function withSearch<T>(replica: Replica, look: (search: Search, startup: Awaited<Search['ready']>) => Promise<T>): Promise<T> {
  const search = new IndexedCollection(replica.authorities, authorityRecord, { snapshotFile, snapshotDelayMs: 60_000 });
  try {
    return await look(search, await search.ready);
  } finally {
    await search.close();
  }
}

async function ask(search: Search, query: string): Promise<string[]> {
  const { hits } = await search.find(query, {}, 10);
  return hits.map((hit) => `${hit.id} ${hit.score.toFixed(4)}`);
}

const queries = ['Zahnarzt', 'Ärztekammer', 'chambre de commerce', 'Wien', 'architekt', 'Vest'];

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the search index at start-up', () => {
  let answers: string[][] = [];

  it('is built from the replica the first time, and saved', async () => {
    await withReplica('main', async (replica) => {
      await replica.authorities.bulkInsert(directory);
      await withSearch(replica, async (search, startup) => {
        expect(startup).toMatchObject({ from: 'replica', snapshotProblem: 'none yet', changesApplied: directory.length });
        expect(search.size).toBe(directory.length);
        answers = await Promise.all(queries.map((query) => ask(search, query)));
      });
    });
    expect((await readFile(snapshotFile)).length).toBeGreaterThan(10_000);
  });

  it('is read back from its snapshot, answering exactly as before', async () => {
    await withReplica('main', async (replica) => {
      await withSearch(replica, async (search, startup) => {
        expect(startup).toMatchObject({ from: 'snapshot', changesApplied: 0 });
        expect(await Promise.all(queries.map((query) => ask(search, query)))).toEqual(answers);
        const regions = await search.regions(directory[0]!.country);
        expect(regions.map((region) => region.name)).toContain(directory[0]!.region.name);
      });
    });
  });

  it('indexes again only what changed in the replica while it was closed', async () => {
    const renamed: Authority = { ...directory[10]!, officialName: 'Landesamt für Quantenbürokratie', sortName: 'landesamt fur quantenburokratie' };
    const added: Authority = { ...directory[20]!, id: 'AT-999999', officialName: 'Magistrat der Stadt Zwettl-Nord', sortName: 'magistrat der stadt zwettl-nord' };
    const removed = directory[30]!;
    await withReplica('main', async (replica) => {
      await replica.authorities.upsert(renamed);
      await replica.authorities.insert(added);
      await (await replica.authorities.findOne(removed.id).exec())!.remove();
      await withSearch(replica, async (search, startup) => {
        expect(startup).toMatchObject({ from: 'snapshot', changesApplied: 3 });
        expect(search.size).toBe(directory.length);
        expect((await ask(search, 'Quantenbürokratie'))[0]).toMatch(renamed.id);
        expect((await ask(search, 'Zwettl-Nord'))[0]).toMatch(added.id);
        expect(await ask(search, removed.officialName)).not.toContainEqual(expect.stringContaining(removed.id));
      });
      // Saved with the changes: the next start has nothing to catch up.
      await withSearch(replica, async (search, startup) => {
        expect(startup).toMatchObject({ from: 'snapshot', changesApplied: 0 });
        expect((await ask(search, 'Quantenbürokratie'))[0]).toMatch(renamed.id);
      });
    });
  });

  const damages: [string, (bytes: Buffer) => Promise<void>, RegExp][] = [
    ['truncated', async (bytes) => truncate(snapshotFile, Math.floor(bytes.length * 0.7)), /truncated/],
    ['a damaged byte', async (bytes) => writeFile(snapshotFile, Buffer.concat([bytes.subarray(0, bytes.length - 99), Buffer.from([bytes[bytes.length - 99]! ^ 0xff]), bytes.subarray(bytes.length - 98)])), /checksum/],
    ['of another version', async (bytes) => writeFile(snapshotFile, Buffer.concat([Buffer.from('IMI Desk search index 0\n'), bytes.subarray(24)])), /version/],
    ['not a snapshot at all', async () => writeFile(snapshotFile, 'hello'), /version/],
    ['an empty file', async () => writeFile(snapshotFile, ''), /version/],
  ];
  for (const [what, damage, problem] of damages) {
    it(`is built from the replica when its snapshot is ${what}, and saved anew`, async () => {
      await damage(await readFile(snapshotFile));
      await withReplica('main', async (replica) => {
        await withSearch(replica, async (search, startup) => {
          expect(startup.from).toBe('replica');
          expect(startup.snapshotProblem).toMatch(problem);
          expect(search.size).toBe(directory.length);
          expect((await ask(search, 'Quantenbürokratie'))[0]).toMatch(directory[10]!.id);
        });
        await withSearch(replica, async (_, startup) => expect(startup.from).toBe('snapshot'));
      });
    });
  }

  it('is built from the replica when the snapshot belongs to a replica since replaced', async () => {
    await withReplica('replaced', async (replica) => {
      await replica.authorities.bulkInsert(directory.slice(0, 200));
      await withSearch(replica, async (search, startup) => {
        expect(startup.from).toBe('replica');
        expect(startup.snapshotProblem).toMatch(/another replica/);
        expect(search.size).toBe(200);
      });
    });
  });
});
