// Differential test: random documents, random writes and random Mango queries give the same
// answers on the SQLite storage as on RxDB's memory storage. A failure prints its seed;
// run again with FC_SEED=<seed> (and FC_PATH=<path>) to reproduce it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRxDatabase,
  normalizeMangoQuery,
  prepareQuery,
  type MangoQuery,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSQLite } from './index';

interface Person {
  id: string;
  name: string;
  age: number;
  score: number;
  active: boolean;
  tags: string[];
  address: { city: string; zip: string };
}

const schema: RxJsonSchema<Person> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 30 },
    age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
    score: { type: 'number', minimum: -1000, maximum: 1000, multipleOf: 0.01 },
    active: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    address: {
      type: 'object',
      properties: { city: { type: 'string', maxLength: 30 }, zip: { type: 'string', maxLength: 10 } },
      required: ['city', 'zip'],
    },
  },
  required: ['id', 'name', 'age', 'score', 'active', 'tags', 'address'],
  indexes: ['name', ['active', 'age'], 'address.city', 'score'],
};

// Letters that sort differently in UTF-8 and UTF-16 (private use area vs. emoji), with
// diacritics, Greek and plain ASCII, so that index order is put to the test.
const alphabet = ['a', 'b', 'c', 'A', 'Z', 'é', 'ä', 'ß', 'Ω', 'ж', '\uE000', '\uFFFD', '😀', '𝄞', ' ', '-', '0', '9'];
const text = (maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((chars) => chars.join('').slice(0, maxLength));
const cities = ['Wien', 'Wels', 'Zürich', 'Århus', 'Łódź', 'Αθήνα', '😀town', '\uE000city', 'Berlin', ''];

const personArbitrary = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: text(12),
    age: fc.integer({ min: 0, max: 150 }),
    score: fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
    active: fc.boolean(),
    tags: fc.array(fc.constantFrom('doctor', 'nurse', 'architect', 'é', '😀'), { maxLength: 3 }),
    address: fc.record({ city: fc.constantFrom(...cities), zip: text(5) }),
  });

const field = fc.constantFrom('name', 'age', 'score', 'active', 'address.city', 'id');
const valueFor = (name: string): fc.Arbitrary<unknown> => {
  switch (name) {
    case 'age':
      return fc.integer({ min: -5, max: 155 });
    case 'score':
      return fc.integer({ min: -100_500, max: 100_500 }).map((n) => n / 100);
    case 'active':
      return fc.boolean();
    case 'address.city':
      return fc.constantFrom(...cities);
    default:
      return text(6);
  }
};

const condition: fc.Arbitrary<Record<string, unknown>> = field.chain((name) =>
  fc.oneof(
    valueFor(name).map((value) => ({ [name]: { $eq: value } })),
    fc.constantFrom('$gt', '$gte', '$lt', '$lte').chain((operator) => valueFor(name).map((value) => ({ [name]: { [operator]: value } }))),
    fc.array(valueFor(name), { minLength: 1, maxLength: 4 }).map((values) => ({ [name]: { $in: values } })),
    ...(name === 'name' || name === 'address.city'
      ? [fc.constantFrom('^a', 'é', '^W', 'o', '😀', '[ab]', '^$').map((pattern) => ({ [name]: { $regex: pattern } }))]
      : []),
  ),
);

const selector = fc.oneof(
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 3, arbitrary: condition },
  { weight: 2, arbitrary: fc.tuple(condition, condition).map(([a, b]) => ({ $and: [a, b] })) },
  { weight: 2, arbitrary: fc.tuple(condition, condition).map(([a, b]) => ({ $or: [a, b] })) },
);

const sort = fc.array(
  fc.tuple(fc.constantFrom('name', 'age', 'score', 'address.city', 'active'), fc.constantFrom('asc', 'desc')).map(([name, direction]) => ({ [name]: direction })),
  { maxLength: 2 },
);

const queryArbitrary = fc.record(
  {
    selector,
    sort,
    skip: fc.integer({ min: 0, max: 30 }),
    limit: fc.integer({ min: 1, max: 60 }),
  },
  { requiredKeys: ['selector', 'sort'] },
);

type People = RxCollection<Person>;
let folder: string;
let memory: RxDatabase<{ people: People }>;
let sqlite: RxDatabase<{ people: People }>;
const documentCount = 2_000;

async function open(storage: RxStorage<unknown, unknown>, name: string) {
  const database = await createRxDatabase<{ people: People }>({ name, storage, multiInstance: false, eventReduce: false });
  await database.addCollections({ people: { schema } });
  return database;
}

const plain = (documents: { toJSON(): unknown }[] | Person[]) =>
  documents.map((document) => {
    const { _meta: _m, _rev: _r, _attachments: _a, _deleted: _d, ...rest } = (typeof (document as { toJSON?: unknown }).toJSON === 'function' ? (document as { toJSON(): unknown }).toJSON() : document) as Record<string, unknown>;
    return rest;
  });

/** Runs a query on the storage itself, as RxDB would (without deleted documents), bypassing its caches. */
async function runOnStorage(database: RxDatabase<{ people: People }>, query: MangoQuery<Person>) {
  const collection = database.people;
  const schema = collection.schema.jsonSchema;
  const selector = { ...query.selector, _deleted: { $eq: false } } as MangoQuery<Person>['selector'];
  const prepared = prepareQuery(schema, normalizeMangoQuery(schema, { ...query, selector }));
  const [result, count] = await Promise.all([
    collection.storageInstance.query(prepared),
    collection.storageInstance.count(prepareQuery(schema, normalizeMangoQuery(schema, { selector }))),
  ]);
  return { documents: plain(result.documents as Person[]), count: count.count };
}

const seed = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined;
/** More runs in the soak variant (npm run test:soak). */
const runs = Number(process.env['FC_RUNS'] ?? 400);
const path = process.env['FC_PATH'];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-differential-'));
  memory = await open(getRxStorageMemory(), 'differentialmemory');
  // A small cache: most reads go to the file, and the cache evicts all the time.
  sqlite = await open(getRxStorageSQLite({ folder, cacheBudget: 60_000 }), 'differentialsqlite');
  const generated = Array.from({ length: documentCount }, (_, i) => fc.sample(personArbitrary(`person-${String(i).padStart(5, '0')}`), { numRuns: 1, seed: (seed ?? 42) + i })[0]!);
  await memory.people.bulkInsert(generated);
  await sqlite.people.bulkInsert(generated);
});

afterAll(async () => {
  await memory?.close();
  await sqlite?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the SQLite storage against the memory storage', () => {
  it('holds the same documents after thousands of inserts', async () => {
    expect(plain(await sqlite.people.find({ sort: [{ id: 'asc' }] }).exec())).toEqual(plain(await memory.people.find({ sort: [{ id: 'asc' }] }).exec()));
    expect(await sqlite.people.count().exec()).toBe(documentCount);
  });

  it('orders characters above U+FFFF as RxDB does (UTF-16 code units), not as UTF-8 does', async () => {
    const names = ['\uE000 private', '😀 emoji', '\uFFFD replacement', 'z plain', '𝄞 clef'];
    for (const database of [memory, sqlite]) {
      await database.people.bulkInsert(names.map((name, i) => ({ id: `order-${i}`, name, age: 1, score: 0, active: true, tags: [], address: { city: 'Wien', zip: '' } })));
    }
    // Both queries run on the name index, so SQLite's own order decides the answer.
    const these: MangoQuery<Person> = { selector: { name: { $in: names } }, sort: [{ name: 'asc' }] };
    const aboveZ: MangoQuery<Person> = { selector: { name: { $gt: 'z' } }, sort: [{ name: 'asc' }], limit: 500 };
    expect((await runOnStorage(sqlite, these)).documents.map((d) => d['name'])).toEqual(['z plain', '𝄞 clef', '😀 emoji', '\uE000 private', '\uFFFD replacement']);
    expect((await runOnStorage(sqlite, aboveZ)).documents).toEqual((await runOnStorage(memory, aboveZ)).documents);
    for (const database of [memory, sqlite]) await database.people.find({ selector: { id: { $gte: 'order-', $lt: 'order.' } } }).remove();
  });

  it('answers random queries the same way', async () => {
    await fc.assert(
      fc.asyncProperty(queryArbitrary, async (query) => {
        const mango = query as MangoQuery<Person>;
        const [expected, actual] = await Promise.all([runOnStorage(memory, mango), runOnStorage(sqlite, mango)]);
        expect(actual.count).toBe(expected.count);
        expect(actual.documents).toEqual(expected.documents);
      }),
      { numRuns: runs, seed, path, endOnFailure: true },
    );
  });

  it('stays the same through random updates, deletions and re-insertions', async () => {
    const write = fc.record({
      index: fc.integer({ min: 0, max: documentCount + 50 }),
      kind: fc.constantFrom('patch', 'remove', 'upsert'),
      person: personArbitrary('x'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 5, maxLength: 25 }), queryArbitrary, async (writes, query) => {
        for (const { index, kind, person } of writes) {
          const id = `person-${String(index).padStart(5, '0')}`;
          for (const database of [memory, sqlite]) {
            const document = await database.people.findOne(id).exec();
            if (kind === 'remove') await document?.remove();
            else if (kind === 'patch' && document) await document.incrementalPatch({ name: person.name, age: person.age, address: person.address });
            else await database.people.upsert({ ...person, id });
          }
        }
        const mango = query as MangoQuery<Person>;
        const [expected, actual] = await Promise.all([runOnStorage(memory, mango), runOnStorage(sqlite, mango)]);
        expect(actual.count).toBe(expected.count);
        expect(actual.documents).toEqual(expected.documents);
      }),
      { numRuns: Math.ceil(runs / 7), seed, path, endOnFailure: true },
    );
  });
});
