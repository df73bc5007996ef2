import pg from 'pg';
import type {
  Driver,
  DriverParam,
  DriverRow,
  NetworkDatabaseSettings,
  QueryOptions,
} from '../driver.ts';
import { toDriverRow } from '../cell-value.ts';
import { acquire, connectFailure, runCancellable } from '../driver-errors.ts';

/** Types whose text form is sent as is: dates, times, floats, numerics, big integers. */
const textTypeIds = new Set([20, 700, 701, 1082, 1083, 1114, 1184, 1266, 1700]);
const types = {
  getTypeParser: ((id: number, format?: 'text' | 'binary') =>
    textTypeIds.has(id)
      ? (value: string) => value
      : (pg.types.getTypeParser(id, format ?? 'text') as (
          value: string,
        ) => unknown)) as typeof pg.types.getTypeParser,
};

/**
 * PostgreSQL through node-postgres. Every session starts with `default_transaction_read_only`;
 * an aborted query is cancelled with `pg_cancel_backend` from a separate connection and its
 * connection is discarded rather than returned to the pool.
 */
export class PostgresDriver implements Driver {
  readonly kind = 'postgres';
  readonly placeholders = 'dollar';
  #pool: pg.Pool | undefined;
  readonly #listened = new WeakSet<pg.PoolClient>();

  constructor(private readonly settings: NetworkDatabaseSettings) {}

  get #connection(): pg.ClientConfig {
    const { host, port, user, database, password, ssl } = this.settings;
    return { host, port, user, database, password, ssl, application_name: 'cotejo-sync-client' };
  }

  async connect(): Promise<void> {
    const pool = new pg.Pool({
      ...this.#connection,
      max: this.settings.maxConnections,
      options: '-c default_transaction_read_only=on',
      types,
    });
    pool.on('error', () => undefined); // an idle connection dropped: the pool replaces it
    this.#pool = pool;
    try {
      await pool.query('select 1');
    } catch (error) {
      throw connectFailure(this.settings, error, ['28P01', '28000']);
    }
  }

  async query(
    sql: string,
    params: readonly DriverParam[],
    { signal }: QueryOptions,
  ): Promise<DriverRow[]> {
    const pool = this.#pool;
    const client = await acquire(this.kind, pool && (() => pool.connect()));
    if (!this.#listened.has(client)) {
      // A connection dropped while checked out is also reported as a client `error`; the
      // query reports it, and without a listener the process would end.
      client.on('error', () => undefined);
      this.#listened.add(client);
    }
    try {
      const result = await runCancellable(
        this.kind,
        signal,
        () => client.query<Record<string, unknown>>(sql, [...params]),
        () => this.#cancel(Reflect.get(client, 'processID')),
      );
      return result.rows.map(toDriverRow);
    } finally {
      client.release(signal.aborted);
    }
  }

  async close(): Promise<void> {
    await this.#pool?.end();
    this.#pool = undefined;
  }

  async #cancel(backendId: unknown): Promise<void> {
    const canceller = new pg.Client(this.#connection);
    try {
      await canceller.connect();
      await canceller.query('select pg_cancel_backend($1::int)', [backendId]);
    } finally {
      await canceller.end();
    }
  }
}
