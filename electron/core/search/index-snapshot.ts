// The search index on disk, so that the directory is searchable within a second of start-up:
// the index's lists and the point of the replica's changes it has seen, in one file. A file
// that is missing, truncated, damaged or from another version is simply not used (the index
// is built again from the replica, which is the truth); it is replaced by writing a new file
// beside it and renaming it over the old, so a crash never leaves half a file.
//
// Layout: a first line naming the format, a 4-byte length, a JSON header (strings, the
// checkpoint, the lengths of the integer arrays and their CRC-32), then the integer arrays.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { columnNames, type Columns, type IndexSnapshot } from './authority-index';

const magic = 'IMI Desk search index 3\n';

/** Where in the replica's changes the snapshot was taken: the last change it holds. */
export interface ChangeCheckpoint {
  id: string;
  lwt: number;
}

interface Header {
  checkpoint: ChangeCheckpoint | null;
  /** The replica database it was taken from (its storage token): another replica's snapshot is not used. */
  replica: string;
  strings: Pick<IndexSnapshot, 'words' | 'codes' | 'groupKeys' | 'ids' | 'sortNames' | 'countries' | 'regions' | 'regionNames'>;
  /** Names and lengths of the integer arrays, in file order. */
  arrays: [name: string, length: number][];
  crc: number;
}

export function writeIndexSnapshot(file: string, snapshot: IndexSnapshot, checkpoint: ChangeCheckpoint | null, replica: string): void {
  const arrays: [string, Int32Array][] = [...columnNames.map((name) => [name, snapshot.columns[name]] as [string, Int32Array]), ['pool', snapshot.pool], ['groupPostings', snapshot.groupPostings]];
  const body = Buffer.concat(arrays.map(([, values]) => Buffer.from(values.buffer, values.byteOffset, values.byteLength)));
  const { words, codes, groupKeys, ids, sortNames, countries, regions, regionNames } = snapshot;
  const header: Header = {
    checkpoint,
    replica,
    strings: { words, codes, groupKeys, ids, sortNames, countries, regions, regionNames },
    arrays: arrays.map(([name, values]) => [name, values.length]),
    crc: crc32(body),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const padding = (4 - ((magic.length + 4 + headerBytes.length) % 4)) % 4;
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length + padding);
  const temporary = `${file}.writing`;
  const handle = openSync(temporary, 'w');
  try {
    for (const part of [Buffer.from(magic), length, headerBytes, Buffer.alloc(padding, 0x20), body]) writeSync(handle, part);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  renameSync(temporary, file);
}

/** The snapshot in `file`, or why it cannot be used. */
export function readIndexSnapshot(file: string): { snapshot: IndexSnapshot; checkpoint: ChangeCheckpoint | null; replica: string } | { problem: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none yet' : `unreadable (${String(error)})` };
  }
  if (bytes.subarray(0, magic.length).toString() !== magic) return { problem: 'not a search index of this version' };
  if (bytes.length < magic.length + 4) return { problem: 'truncated' };
  const headerLength = bytes.readUInt32LE(magic.length);
  const bodyStart = magic.length + 4 + headerLength;
  if (bodyStart > bytes.length) return { problem: 'truncated' };
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(magic.length + 4, bodyStart).toString()) as Header;
  } catch {
    return { problem: 'damaged header' };
  }
  const body = bytes.subarray(bodyStart);
  const expected = (header.arrays ?? []).reduce((sum, [, length]) => sum + length * 4, 0);
  if (body.length !== expected) return { problem: 'truncated' };
  if (crc32(body) !== header.crc) return { problem: 'damaged (checksum)' };
  const aligned = new Int32Array(new Uint8Array(body).buffer); // a copy, aligned for 32-bit access
  const arrays = new Map<string, Int32Array>();
  let at = 0;
  for (const [name, length] of header.arrays) {
    arrays.set(name, aligned.subarray(at, at + length));
    at += length;
  }
  const columns = Object.fromEntries(columnNames.map((name) => [name, arrays.get(name)])) as Record<Columns, Int32Array>;
  return { snapshot: { ...header.strings, columns, pool: arrays.get('pool') ?? new Int32Array(0), groupPostings: arrays.get('groupPostings') ?? new Int32Array(0) }, checkpoint: header.checkpoint, replica: String(header.replica) };
}
