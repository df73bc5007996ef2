import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createPgDb } from '../../src/db/pg-db.ts';
import { createPgliteDb } from '../../src/db/pglite-db.ts';

/** Which database the server suite runs on: `COTEJO_TEST_DB=pglite|postgres` (default pglite). */
export const testDbKind = process.env.COTEJO_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDb {
  db: Db;
  /** The connection string on PostgreSQL, undefined on PGlite. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/** A fresh, migrated database: PGlite in memory, or a uniquely named PostgreSQL database. */
export async function createTestDb(): Promise<TestDb> {
  if (testDbKind === 'pglite') {
    const db = await createPgliteDb();
    await migrate(db);
    return { db, databaseUrl: undefined, close: () => db.close() };
  }
  const name = `cotejo_test_${randomBytes(6).toString('hex')}`;
  const admin = createPgDb(adminUrl, { max: 1 });
  await admin.query(`create database ${name}`);
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
  const db = createPgDb(databaseUrl);
  await migrate(db);
  return {
    db,
    databaseUrl,
    async close() {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
