import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSha256, sha256Of, type FileStore } from './file-store.ts';

/**
 * Files under `dir/ab/cd/<sha256>` (two levels of fan-out). Writes go to a temporary name and
 * are renamed into place, so a reader never sees half a file and concurrent uploads of the
 * same bytes are harmless.
 */
export function createDiskFileStore(dir: string): FileStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const path = pathOf(sha256);
      await mkdir(join(path, '..'), { recursive: true });
      const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, path);
      return sha256;
    },
    async get(sha256) {
      if (!isSha256(sha256)) return null;
      try {
        return await readFile(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
