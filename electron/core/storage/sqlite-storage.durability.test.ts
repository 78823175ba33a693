// Durability: a child process writes in a loop and acknowledges each write; it is killed
// with SIGKILL at random moments. After every kill, each acknowledged write is present and
// the file passes SQLite's integrity check.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFilePath } from './index';
import { openNotesDatabase } from './testing/notes-database';

const kills = Number(process.env['IMI_DESK_DURABILITY_KILLS'] ?? 20);
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-durability-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Starts the writer, lets it run for `ms` after it is ready, kills it; returns what it acknowledged. */
function writeThenKill(start: number, ms: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'testing', 'acknowledged-writer.ts'), folder, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: number[] = [];
    let buffered = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), ms);
        else if (line.startsWith('ack ')) acknowledged.push(Number(line.slice(4)));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    // 'close', not 'exit': only then has every acknowledgement printed before the kill been read.
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`The writer stopped by itself: ${errors}`))));
  });
}

describe('the SQLite storage when its process is killed', () => {
  it(`keeps every acknowledged write through ${kills} kills at random moments`, async () => {
    let next = 0;
    let totalAcknowledged = 0;
    for (let round = 0; round < kills; round++) {
      const acknowledged = await writeThenKill(next, 50 + Math.floor(Math.random() * 400));
      totalAcknowledged += acknowledged.length;
      const file = new Database(databaseFilePath(folder, 'durability'));
      try {
        expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        file.close();
      }
      // Reopened as the application would: acknowledged writes still waiting for their
      // index columns are applied, then every one of them is found, also through the index.
      const database = await openNotesDatabase(folder);
      try {
        const expected = acknowledged.flatMap((n) => (n % 5 === 0 ? [0, 1, 2].map((k) => `b${n}-${k}`) : [`n${n}`]));
        const found = await database.notes.findByIds(expected).exec();
        expect(expected.filter((id) => !found.has(id))).toEqual([]);
        if (acknowledged.length > 0) {
          const byIndex = await database.notes.find({ selector: { n: { $gte: acknowledged[0]!, $lte: acknowledged.at(-1)! } } }).exec();
          expect(byIndex.length).toBeGreaterThanOrEqual(expected.length);
        }
      } finally {
        await database.close();
      }
      // Go on after whatever was written, acknowledged or not.
      next = (acknowledged.at(-1) ?? next) + 2;
    }
    expect(totalAcknowledged).toBeGreaterThan(kills);
  }, 120_000 + kills * 10_000); // each round starts a process: slow on a busy machine
});
