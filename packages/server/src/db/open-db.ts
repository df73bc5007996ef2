import { mkdir } from 'node:fs/promises';
import type { Db, DbKind } from './db.ts';
import { migrate } from './migrate.ts';
import { createPgDb } from './pg-db.ts';
import { createPgliteDb } from './pglite-db.ts';

export interface DbLocation {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export function dbKindOf(location: DbLocation): DbKind {
  return location.databaseUrl === undefined ? 'pglite' : 'postgres';
}

/** Opens PostgreSQL when `databaseUrl` is set, else PGlite under `dataDir`, and migrates. */
export async function openDb(location: DbLocation): Promise<Db> {
  let db: Db;
  if (location.databaseUrl !== undefined) {
    db = createPgDb(location.databaseUrl);
  } else {
    await mkdir(location.dataDir, { recursive: true });
    db = await createPgliteDb(pgliteDir(location.dataDir));
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export function pgliteDir(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}/pglite`;
}
