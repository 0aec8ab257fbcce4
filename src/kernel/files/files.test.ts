import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStore, labelMatches, sniffDocumentType } from '.';

const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

describe('sniffDocumentType', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, whatever the name says', () => {
    expect(sniffDocumentType(PDF)).toBe('application/pdf');
    expect(sniffDocumentType(PNG)).toBe('image/png');
    expect(sniffDocumentType(JPEG)).toBe('image/jpeg');
    expect(sniffDocumentType(new TextEncoder().encode('MZ\x90\x00 an executable'))).toBeNull();
    expect(sniffDocumentType(new TextEncoder().encode('<html>%PDF-'))).toBeNull();
    expect(sniffDocumentType(new Uint8Array())).toBeNull();
  });

  it('checks the declared label against the content', () => {
    expect(labelMatches('image/jpg', 'image/jpeg')).toBe(true);
    expect(labelMatches('application/pdf; charset=binary', 'application/pdf')).toBe(true);
    expect(labelMatches('application/octet-stream', 'image/png')).toBe(true);
    expect(labelMatches(undefined, 'image/png')).toBe(true);
    expect(labelMatches('image/png', 'application/pdf')).toBe(false);
  });
});

describe('createFileStore', () => {
  const directory = mkdtempSync(join(tmpdir(), 'sanqu-files-'));
  const store = createFileStore(directory);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('stores by content hash once and gives the same bytes back (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const hash = store.put(bytes);
        expect(hash).toBe(store.hashOf(bytes));
        expect(store.put(bytes)).toBe(hash);
        expect(Uint8Array.from(store.get(hash) ?? [])).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
    const leftovers = readdirSync(directory, { recursive: true }).filter((name) =>
      String(name).endsWith('.tmp'),
    );
    expect(leftovers).toEqual([]);
  });

  it('answers null for an unknown hash and refuses a path that is not a hash', () => {
    expect(store.get('0'.repeat(64))).toBeNull();
    expect(store.get('../../etc/passwd')).toBeNull();
    expect(() => store.put(PDF)).not.toThrow();
  });
});
