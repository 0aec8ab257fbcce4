import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type FileStore = ReturnType<typeof createFileStore>;

const HASH = /^[0-9a-f]{64}$/;

/**
 * Files by content (SHA-256) under `directory`, two hex digits per fan-out folder (`ab/abcdef…`): the same file
 * uploaded twice is stored once, and a stored file never changes. Writes go to a temporary name first and are
 * renamed into place, so a crash never leaves half a file under a hash.
 * [scale] With several servers, `directory` is a shared volume or an object store keyed the same way.
 */
export function createFileStore(directory: string) {
  const pathOf = (hash: string) => {
    if (!HASH.test(hash)) throw new Error(`not a SHA-256 hex digest: ${hash}`);
    return join(directory, hash.slice(0, 2), hash);
  };
  return {
    directory,
    hashOf: (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex'),

    /** Stores the bytes (if not already there) and returns their hash. */
    put(bytes: Uint8Array): string {
      const hash = createHash('sha256').update(bytes).digest('hex');
      const path = pathOf(hash);
      try {
        if (statSync(path).size === bytes.length) return hash;
      } catch {
        // not stored yet
      }
      mkdirSync(join(directory, hash.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, path);
      return hash;
    },

    /** The stored bytes, or null when no file has that hash. */
    get(hash: string): Buffer | null {
      try {
        return readFileSync(pathOf(hash));
      } catch {
        return null;
      }
    },
  };
}
