import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTabular } from './parse-tabular';
import { READING_SPEC, workbookOf } from './tabular-test-support';
import { checkZipUnpackedSize } from './zip-unpacked-size';

const limits = { maxUnpackedBytes: 1_000_000, maxEntries: 50 };

const workbook = () =>
  workbookOf([
    ['meter', 'month', 'kind', 'amount', 'unit'],
    ['M-0001', '2026-03', 'electricity', 1000, 'kWh'],
  ]);

/** A one-entry ZIP holding `content` deflated, whose headers claim `declared` bytes unpacked. */
function zipOf(content: Buffer, declared = content.length): Uint8Array {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

/** Offsets of every central-directory entry in `bytes`. */
function directoryEntries(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at++) if (view.getUint32(at, true) === 0x02014b50) out.push(at);
  return out;
}

/** A copy of `bytes` with the 32-bit little-endian `value` at `at`. */
function patched(bytes: Uint8Array, at: number, value: number, width: 2 | 4 = 4): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  if (width === 4) view.setUint32(at, value, true);
  else view.setUint16(at, value, true);
  return copy;
}

describe('ZIP unpacked size', () => {
  it('sums what a real workbook declares, and lets it through', async () => {
    const bytes = await workbook();
    const result = checkZipUnpackedSize(bytes, limits);
    expect(result).toMatchObject({ ok: true, entries: directoryEntries(bytes).length });
    if (result.ok) expect(result.unpackedBytes).toBeGreaterThan(bytes.length);
  });

  it('refuses a directory claiming more than the limit, and ZIP64 markers', async () => {
    const bytes = await workbook();
    const [first] = directoryEntries(bytes);
    expect(checkZipUnpackedSize(patched(bytes, first! + 24, 0x7fff_0000), limits)).toEqual({
      ok: false,
      problem: 'too_large',
    });
    expect(checkZipUnpackedSize(patched(bytes, first! + 24, 0xffffffff), limits)).toEqual({
      ok: false,
      problem: 'too_large',
    });
  });

  it('refuses an absurd entry count from the end record', async () => {
    const bytes = await workbook();
    const end = bytes.length - 22;
    expect(checkZipUnpackedSize(patched(bytes, end + 10, 5_000, 2), limits)).toEqual({
      ok: false,
      problem: 'too_large',
    });
    expect(checkZipUnpackedSize(patched(bytes, end + 10, 0xffff, 2), limits)).toEqual({
      ok: false,
      problem: 'too_large',
    });
  });

  it('refuses a bomb whose directory understates it, inflating no further than the claim', () => {
    const zeros = Buffer.alloc(5_000_000);
    expect(checkZipUnpackedSize(zipOf(zeros), limits)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkZipUnpackedSize(zipOf(zeros, 1_000), limits)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkZipUnpackedSize(zipOf(Buffer.alloc(1_000)), limits)).toEqual({
      ok: true,
      entries: 1,
      unpackedBytes: 1_000,
    });
  });

  it('calls anything else unreadable', () => {
    expect(checkZipUnpackedSize(new TextEncoder().encode('meter,month\n'), limits)).toMatchObject({
      ok: false,
      problem: 'unreadable',
    });
  });
});

describe('XLSX upload', () => {
  it('refuses a small file that unpacks past the limit before exceljs reads it (413 problem)', async () => {
    // 60 MB of XML-like repetition deflates to ~60 KB: well under the 1 MB upload limit of the spec.
    const bomb = zipOf(Buffer.alloc(60 * 1024 * 1024, '<c/>'));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await parseTabular(READING_SPEC, 'march.xlsx', bomb)).toEqual({
      ok: false,
      problem: { code: 'too_large_unpacked', limit: 50 * 1024 * 1024, maxEntries: 1_000 },
    });
    const bytes = await workbook();
    const [first] = directoryEntries(bytes);
    expect(
      await parseTabular(READING_SPEC, 'march.xlsx', patched(bytes, first! + 24, 0xffffffff)),
    ).toMatchObject({ ok: false, problem: { code: 'too_large_unpacked' } });
    expect(await parseTabular(READING_SPEC, 'march.xlsx', bytes)).toMatchObject({ ok: true, format: 'xlsx' });
  });
});
