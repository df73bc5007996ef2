import pg from 'pg';
import type { Db, Queryable } from './db.ts';

/** `Db` over a node-postgres pool (the production database). */
export function createPgDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const query = async <T extends object>(sql: string, params: readonly unknown[] = []) =>
    (await pool.query<T>(sql, params as unknown[])).rows;

  return {
    query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A checked-out client has no error listener of the pool's: a connection lost between two
      // statements (PostgreSQL restarting) must fail this transaction, not crash the process.
      let lost: Error | undefined;
      const onError = (error: Error) => (lost = error);
      client.on('error', onError);
      try {
        await client.query('begin');
        const tx: Queryable = {
          query: async <R extends object>(sql: string, params: readonly unknown[] = []) =>
            (await client.query<R>(sql, params as unknown[])).rows,
        };
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onError);
        // Released with its error, a broken client is discarded instead of pooled.
        client.release(lost);
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
