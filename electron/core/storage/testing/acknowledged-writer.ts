// A child process for the durability test: writes documents in a loop through RxDB on the
// SQLite storage and prints "ack <n>" after each write has resolved.
import { createRxDatabase } from 'rxdb';
import { getRxStorageSQLite } from '../index';

const folder = process.argv[2];
const start = Number(process.argv[3] ?? 0);
if (!folder) throw new Error('usage: acknowledged-writer FOLDER START');

const database = await createRxDatabase({ name: 'durability', storage: getRxStorageSQLite({ folder }), multiInstance: false });
const { notes } = await database.addCollections({
  notes: {
    schema: {
      version: 0,
      primaryKey: 'id',
      type: 'object',
      properties: { id: { type: 'string', maxLength: 20 }, n: { type: 'integer', minimum: 0, maximum: 1e9, multipleOf: 1 }, text: { type: 'string' } },
      required: ['id', 'n', 'text'],
      indexes: ['n'],
    },
  },
});
process.stdout.write('ready\n');
for (let n = start; ; n++) {
  // Alternate single inserts and small batches, as an officer's edits and a sync would.
  if (n % 5 === 0) {
    await notes.bulkInsert([0, 1, 2].map((k) => ({ id: `b${n}-${k}`, n, text: `batch ${n}/${k} ${'x'.repeat(200)}` })));
  } else {
    await notes.insert({ id: `n${n}`, n, text: `note ${n} ${'y'.repeat(n % 300)}` });
  }
  process.stdout.write(`ack ${n}\n`);
}
