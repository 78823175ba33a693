// A child process for the durability test: writes documents in a loop through RxDB on the
// SQLite storage and prints "ack <n>" after each write has resolved.
import { openNotesDatabase } from './notes-database';

const folder = process.argv[2];
const start = Number(process.argv[3] ?? 0);
if (!folder) throw new Error('usage: acknowledged-writer FOLDER START');

const { notes } = await openNotesDatabase(folder);
process.stdout.write('ready\n');
// A write that reached the disk just before a kill, but whose acknowledgement did not reach
// the test, may be written again by the next writer: finding it already there is no error.
const alreadyThere = (error: unknown) => (error as { code?: string; status?: number })?.code === 'CONFLICT' || (error as { status?: number })?.status === 409;
for (let n = start; ; n++) {
  // Alternate single inserts and small batches, as an officer's edits and a sync would.
  if (n % 5 === 0) {
    const { error } = await notes.bulkInsert([0, 1, 2].map((k) => ({ id: `b${n}-${k}`, n, text: `batch ${n}/${k} ${'x'.repeat(200)}` })));
    const failed = error.filter((problem) => !alreadyThere(problem));
    if (failed.length > 0) throw new Error(`Batch ${n} failed: ${JSON.stringify(failed)}`);
  } else {
    await notes.insert({ id: `n${n}`, n, text: `note ${n} ${'y'.repeat(n % 300)}` }).catch((error: unknown) => {
      if (!alreadyThere(error)) throw error;
    });
  }
  process.stdout.write(`ack ${n}\n`);
}
