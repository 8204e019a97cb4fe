/**
 * The zip format itself (PKWARE APPNOTE 6.3: local headers, a central directory, its end record),
 * written in one pass over files held in memory with Node's own zlib. A streaming library buys
 * nothing here — every entry is already in memory — and costs a command-line export a third of
 * its time in stream plumbing and in loading the library.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipInput {
  readonly name: string;
  readonly data: Uint8Array;
  /** Unix permission bits (0o644, 0o755). */
  readonly mode: number;
}

const VERSION = 20; // 2.0: deflate, no zip64
const MADE_BY_UNIX = (3 << 8) | VERSION; // so readers take the external attributes as Unix modes
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const REGULAR_FILE = 0o100000;
/** The format's 32-bit sizes and offsets; a project reaching them is not one anybody exports. */
const LIMIT = 0xffff_ffff;

interface Entry {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly body: Uint8Array;
  readonly mode: number;
  readonly offset: number;
}

/** A zip of `inputs`, in their order, each entry dated `date` (its UTC fields, as DOS time). */
export function zipEntries(inputs: readonly ZipInput[], date: Date, level: number, onEntry?: (done: number) => void): Buffer {
  if (inputs.length > 0xffff) throw new Error('a zip without zip64 holds at most 65,535 files');
  const [time, day] = dosDateTime(date);
  const parts: Uint8Array[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const input of inputs) {
    const entry = compress(input, offset, level);
    const header = localHeader(entry, time, day);
    parts.push(header, entry.body);
    offset += header.length + entry.body.length;
    if (offset > LIMIT) throw new Error('the project is too large for a zip without zip64');
    entries.push(entry);
    onEntry?.(entries.length);
  }
  const directory = entries.map((entry) => centralHeader(entry, time, day));
  const directorySize = directory.reduce((sum, header) => sum + header.length, 0);
  if (offset + directorySize > LIMIT) throw new Error('the project is too large for a zip without zip64');
  return Buffer.concat([...parts, ...directory, endRecord(entries.length, directorySize, offset)]);
}

/** Deflated, unless deflating does not make it smaller (empty `__init__.py` files): then stored. */
function compress(input: ZipInput, offset: number, level: number): Entry {
  const deflated = deflateRawSync(input.data, { level });
  const stored = deflated.length >= input.data.length;
  return {
    name: Buffer.from(input.name, 'utf8'),
    method: stored ? STORED : DEFLATED,
    crc: crc32(input.data),
    size: input.data.length,
    body: stored ? input.data : deflated,
    mode: input.mode,
    offset,
  };
}

function localHeader(entry: Entry, time: number, day: number): Buffer {
  const header = Buffer.alloc(30 + entry.name.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(day, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.body.length, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28); // no extra field
  entry.name.copy(header, 30);
  return header;
}

function centralHeader(entry: Entry, time: number, day: number): Buffer {
  const header = Buffer.alloc(46 + entry.name.length);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(MADE_BY_UNIX, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(time, 12);
  header.writeUInt16LE(day, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.body.length, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // Extra field, comment, disk number and internal attributes (offsets 30–37) stay zero.
  header.writeUInt32LE(((REGULAR_FILE | entry.mode) << 16) >>> 0, 38);
  header.writeUInt32LE(entry.offset, 42);
  entry.name.copy(header, 46);
  return header;
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}

/** MS-DOS time and date words: two-second steps, years from 1980. */
function dosDateTime(date: Date): [number, number] {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return [time, day];
}
