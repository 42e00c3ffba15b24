import { crc32, deflateRawSync, inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

/**
 * Just enough of the zip format to look inside an uploaded .xlsx before anything parses it: what
 * its central directory says each entry inflates to, and each entry inflated with a hard cap on
 * its output (a zip may lie about sizes; zlib stops at the cap instead of filling memory).
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  compressedSize: number;
  /** What the central directory says it inflates to. */
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const inflateRawAsync = promisify(inflateRaw);

/** The entries listed in a zip's central directory, or null when there is no readable one. */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  // The end record is the last 22 bytes plus a comment of up to 64 KiB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > bytes.length) return null;
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      // ZIP64 files say 0xFFFFFFFF here: taken at its word, far past any cap.
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      encrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
    });
    at = next;
  }
  return entries;
}

/**
 * One entry's bytes, inflated to at most the size the directory declares; null when the entry is
 * damaged, encrypted, compressed some other way, or inflates past what it declared.
 * zlib runs on the thread pool, so other commands keep answering meanwhile.
 */
export async function unzipEntry(bytes: Buffer, entry: ZipEntry): Promise<Buffer | null> {
  const at = entry.localHeaderOffset;
  if (entry.encrypted || at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  if (entry.method === 0) return data.length === entry.size ? data : null;
  if (entry.method !== 8) return null;
  if (entry.size === 0) return Buffer.alloc(0);
  try {
    return await inflateRawAsync(data, { maxOutputLength: entry.size });
  } catch {
    return null;
  }
}

/** A zip of the given files (stored, or deflated when asked) — for re-packing and for test fixtures. */
export function writeZip(files: { name: string; data: Buffer }[], options: { deflate?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const body = options.deflate ? deflateRawSync(file.data, { level: 9 }) : file.data;
    const fields = (header: Buffer, from: number) => {
      header.writeUInt16LE(20, from); // version needed
      header.writeUInt16LE(0x0800, from + 2); // UTF-8 names
      header.writeUInt16LE(options.deflate ? 8 : 0, from + 4);
      header.writeUInt32LE(0x00210000, from + 6); // 1980-01-01 00:00
      header.writeUInt32LE(crc32(file.data), from + 10);
      header.writeUInt32LE(body.length, from + 14);
      header.writeUInt32LE(file.data.length, from + 18);
      header.writeUInt16LE(name.length, from + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4); // made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    directory.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}
