import { inflateRawSync } from 'node:zlib';

/**
 * How big a ZIP (an XLSX is one) is once unpacked, found before anything unpacks it: XML compresses ~1000:1, so a
 * small upload can hold gigabytes. Reads the central directory's sizes, then inflates each entry with its declared
 * size as a hard cap, so a directory that understates an entry cannot slip a bomb past the check.
 */

export interface ZipLimits {
  maxUnpackedBytes: number;
  maxEntries: number;
}

export type ZipUnpackedSize =
  | { ok: true; entries: number; unpackedBytes: number }
  | { ok: false; problem: 'too_large' }
  | { ok: false; problem: 'unreadable'; reason: string };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** ZIP64 stands in these for sizes, offsets and counts too big for 32/16 bits: no upload needs that. */
const ZIP64_32 = 0xffffffff;
const ZIP64_16 = 0xffff;
const STORED = 0;
const DEFLATED = 8;

const tooLarge = { ok: false, problem: 'too_large' } as const;
const unreadable = (reason: string) => ({ ok: false, problem: 'unreadable', reason }) as const;

/** The end-of-central-directory record's offset: the last 22 bytes, or earlier when a comment follows. */
function endOfDirectory(view: DataView): number | null {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--)
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  return null;
}

/**
 * Checks a ZIP's unpacked size and entry count against `limits` without unpacking more than the limit allows.
 * @example checkZipUnpackedSize(xlsxBytes, { maxUnpackedBytes: 50 * 1024 * 1024, maxEntries: 1_000 })
 *   // { ok: true, entries: 9, unpackedBytes: 24_310 }
 */
export function checkZipUnpackedSize(bytes: Uint8Array, limits: ZipLimits): ZipUnpackedSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(view);
  if (end === null) return unreadable('not a ZIP archive (no central directory)');
  const entries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entries === ZIP64_16 || directoryOffset === ZIP64_32) return tooLarge;
  if (entries > limits.maxEntries) return tooLarge;
  const found: { method: number; compressed: number; unpacked: number; local: number }[] = [];
  let unpackedBytes = 0;
  let at = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      return unreadable('damaged ZIP central directory');
    const compressed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    const local = view.getUint32(at + 42, true);
    if (compressed === ZIP64_32 || unpacked === ZIP64_32 || local === ZIP64_32) return tooLarge;
    unpackedBytes += unpacked;
    if (unpackedBytes > limits.maxUnpackedBytes) return tooLarge;
    found.push({ method: view.getUint16(at + 10, true), compressed, unpacked, local });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  for (const entry of found) {
    if (entry.local + 30 > view.byteLength || view.getUint32(entry.local, true) !== LOCAL_HEADER)
      return unreadable('damaged ZIP entry');
    const start =
      entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
    if (start + entry.compressed > view.byteLength) return unreadable('truncated ZIP entry');
    if (entry.method === STORED) {
      if (entry.compressed !== entry.unpacked) return unreadable('damaged ZIP entry');
      continue;
    }
    if (entry.method !== DEFLATED) return unreadable(`unsupported ZIP compression method ${entry.method}`);
    try {
      // The declared size is the cap: inflating past it stops at once instead of filling memory.
      inflateRawSync(bytes.subarray(start, start + entry.compressed), {
        maxOutputLength: Math.max(1, entry.unpacked),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge;
      return unreadable(`damaged ZIP entry (${(error as Error).message})`);
    }
  }
  return { ok: true, entries, unpackedBytes };
}
