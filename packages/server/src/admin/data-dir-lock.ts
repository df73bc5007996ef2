import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.ts';

/**
 * Only one process may open the embedded database of a DATA_DIR. Whoever opens it (the server
 * for its whole life, the admin CLI for one command) holds `DATA_DIR/pglite.lock` ({pid}); a
 * lock whose process is gone is taken over.
 */
export const lockFileName = 'pglite.lock';

export interface DataDirLock {
  release(): Promise<void>;
}

/** Takes the lock if it is free or stale; null when a live process holds it. */
export async function tryLockDataDir(dataDir: string): Promise<DataDirLock | null> {
  const path = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, JSON.stringify({ pid: process.pid }), { flag: 'wx', mode: 0o600 });
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await lockHolder(path);
    if (holder !== null && holder !== process.pid && isProcessAlive(holder)) return null;
    await rm(path, { force: true });
  }
  return null;
}

/** Waits for the lock; gives up after `timeoutMs` with a message naming the holder. */
export async function lockDataDir(dataDir: string, timeoutMs = 30_000): Promise<DataDirLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lock = await tryLockDataDir(dataDir);
    if (lock) return lock;
    if (Date.now() > deadline) {
      const holder = await lockHolder(join(dataDir, lockFileName));
      throw new Error(
        `otro proceso (pid ${holder}) usa la base embebida de ${dataDir}; deténgalo o use otro DATA_DIR`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function lockHolder(path: string): Promise<number | null> {
  try {
    const { pid } = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' ? pid : null;
  } catch {
    return null;
  }
}
