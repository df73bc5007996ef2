import { mkdir } from 'node:fs/promises';
import { AppError } from '@cotejo/protocol';
import type { Config } from '../config.ts';
import { openDb } from '../db/open-db.ts';
import { createHttpAdminService } from './admin-http-client.ts';
import { createDbAdminService, type AdminService } from './admin-service.ts';
import { tryLockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { findRunningServer } from './server-file.ts';

/** How long the CLI waits for a server that is starting (or another CLI) to free PGlite. */
const waitForServerMs = 60_000;

export interface AdminSession {
  admin: AdminService;
  /** `database` when the CLI opened the database itself, `server` when it goes through one. */
  via: 'database' | 'server';
  close(): Promise<void>;
}

/**
 * PostgreSQL: straight to the database. PGlite: only one process may open the data dir, so
 * through the running server when there is one, else the CLI opens it.
 */
export async function openAdmin(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<AdminSession> {
  if (config.databaseUrl !== undefined) {
    const db = await openDb(config);
    return { admin: createDbAdminService(db), via: 'database', close: () => db.close() };
  }
  await mkdir(config.dataDir, { recursive: true });
  const deadline = Date.now() + waitForServerMs;
  for (;;) {
    const running = await findRunningServer(config.dataDir);
    if (running) {
      return {
        admin: createHttpAdminService(running.url, running.secret),
        via: 'server',
        close: () => Promise.resolve(),
      };
    }
    // No server listening: open the database ourselves unless someone holds it (a server still
    // starting, or another CLI), in which case wait for them.
    const lock = await tryLockDataDir(config.dataDir);
    if (lock) return openLocked(config, lock);
    if (Date.now() > deadline) {
      throw new AppError(
        'INTERNAL',
        `Otro proceso usa la base embebida de ${config.dataDir} y no respondió: reintente en unos segundos.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openLocked(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  lock: DataDirLock,
): Promise<AdminSession> {
  try {
    const db = await openDb(config);
    return {
      admin: createDbAdminService(db),
      via: 'database',
      close: async () => {
        await db.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
