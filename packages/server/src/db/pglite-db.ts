import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';
import { Mutex } from './mutex.ts';

/**
 * `Db` over embedded PGlite: one connection, so every statement and every whole transaction
 * takes a mutex; statements inside a transaction use its handle and do not.
 * `dataDir` undefined keeps the database in memory (tests).
 */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  const pglite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pglite.waitReady;
  const mutex = new Mutex();

  const direct: Queryable = {
    query: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
      (await pglite.query<T>(sql, params as unknown[])).rows,
  };

  return {
    query: (sql, params) => mutex.run(() => direct.query(sql, params)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return mutex.run(async () => {
        await pglite.exec('begin');
        try {
          const result = await fn(direct);
          await pglite.exec('commit');
          return result;
        } catch (error) {
          await pglite.exec('rollback').catch(() => undefined);
          throw error;
        }
      });
    },
    close: () => mutex.run(() => pglite.close()),
  };
}
