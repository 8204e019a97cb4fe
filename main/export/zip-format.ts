/**
 * The bytes of a zip archive around already-deflated entries (PKWARE APPNOTE 4.3): local headers,
 * central directory, end record. Entries carry Unix modes and UTF-8 names and a fixed date, so
 * the same files always give the same archive. No ZIP64: a project that needs it is refused.
 */

export interface DeflatedEntry {
  readonly name: string;
  readonly mode: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION_NEEDED = 20; // 2.0: deflate
const MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;
const FLAG_UTF8_NAMES = 0x0800;
const METHOD_DEFLATE = 8;
const REGULAR_FILE = 0o100000;
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

/** 2026-01-01 00:00 in MS-DOS form: every entry gets it, so output does not depend on the clock. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

export function zipBytes(entries: readonly DeflatedEntry[]): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`A zip without ZIP64 holds at most ${MAX_ENTRIES} files; this project has ${entries.length}.`);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = localHeader(entry, name);
    central.push(centralHeader(entry, name, offset));
    parts.push(local, Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength));
    offset += local.length + entry.data.byteLength;
    if (offset > MAX_OFFSET) throw new Error('The project is over 4 GiB zipped, more than a zip without ZIP64 can hold.');
  }
  const directory = Buffer.concat(central);
  return Buffer.concat([...parts, directory, endRecord(entries.length, directory.length, offset)]);
}

function localHeader(entry: DeflatedEntry, name: Buffer): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  writeCommonFields(header, 6, entry, name);
  return Buffer.concat([header, name]);
}

function centralHeader(entry: DeflatedEntry, name: Buffer, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(MADE_BY_UNIX, 4);
  header.writeUInt16LE(VERSION_NEEDED, 6);
  writeCommonFields(header, 8, entry, name);
  // Comment length, disk number and internal attributes (offsets 32–37) stay zero.
  header.writeUInt32LE(((REGULAR_FILE | entry.mode) << 16) >>> 0, 38);
  header.writeUInt32LE(localOffset, 42);
  return Buffer.concat([header, name]);
}

/** Flags through name length: the same 24 bytes in local and central headers; extra length stays zero. */
function writeCommonFields(header: Buffer, at: number, entry: DeflatedEntry, name: Buffer): void {
  header.writeUInt16LE(FLAG_UTF8_NAMES, at);
  header.writeUInt16LE(METHOD_DEFLATE, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(entry.crc >>> 0, at + 8);
  header.writeUInt32LE(entry.data.byteLength, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(name.length, at + 20);
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}
