import { sha256Of, type FileStore } from './file-store.ts';

/** Files in memory: for embedding and tests, never the server's default. */
export function createMemoryFileStore(): FileStore {
  const files = new Map<string, Buffer>();
  return {
    put(bytes) {
      const sha256 = sha256Of(bytes);
      files.set(sha256, Buffer.from(bytes));
      return Promise.resolve(sha256);
    },
    get: (sha256) => Promise.resolve(files.get(sha256) ?? null),
  };
}
