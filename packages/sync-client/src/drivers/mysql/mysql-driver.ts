import mysql from 'mysql2/promise';
import type {
  Driver,
  DriverParam,
  DriverRow,
  NetworkDatabaseSettings,
  QueryOptions,
} from '../driver.ts';
import { toDriverRow } from '../cell-value.ts';
import { acquire, connectFailure, runCancellable } from '../driver-errors.ts';

/** Login refused: wrong password (1045), or an unknown user on MariaDB (1698). */
const accessDenied = ['ER_ACCESS_DENIED_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR'];

/** FLOAT and DOUBLE come back as the server's own text, like DECIMAL, never as JS floats. */
const typeCast: mysql.TypeCast = (field, next) =>
  field.type === 'FLOAT' || field.type === 'DOUBLE' ? field.string() : next();

/**
 * MySQL and MariaDB through mysql2 with server-side prepared statements. Each session is set
 * `TRANSACTION READ ONLY` before its first query; an aborted query is stopped with
 * `KILL QUERY` from a separate connection and its connection is destroyed, not reused.
 */
export class MysqlDriver implements Driver {
  readonly kind = 'mysql';
  readonly placeholders = 'question';
  #pool: mysql.Pool | undefined;
  readonly #readOnlySessions = new WeakSet<object>();

  constructor(private readonly settings: NetworkDatabaseSettings) {}

  get #connection(): mysql.ConnectionOptions {
    const { host, port, user, database, password, ssl } = this.settings;
    return { host, port, user, database, password, ...(ssl && { ssl: {} }) };
  }

  async connect(): Promise<void> {
    this.#pool = mysql.createPool({
      ...this.#connection,
      connectionLimit: this.settings.maxConnections,
      multipleStatements: false,
      dateStrings: true,
      decimalNumbers: false,
      supportBigNumbers: true,
      bigNumberStrings: true,
      typeCast,
    });
    try {
      await this.query('select 1', [], { signal: new AbortController().signal });
    } catch (error) {
      throw connectFailure(this.settings, error, accessDenied);
    }
  }

  async query(
    sql: string,
    params: readonly DriverParam[],
    { signal }: QueryOptions,
  ): Promise<DriverRow[]> {
    const pool = this.#pool;
    const connection = await acquire(this.kind, pool && (() => pool.getConnection()));
    try {
      const [rows] = await runCancellable(
        this.kind,
        signal,
        async () => {
          await this.#ensureReadOnly(connection);
          return connection.execute(sql, [...params]);
        },
        () => this.#kill(connection.threadId),
      );
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]).map(toDriverRow) : [];
    } finally {
      if (signal.aborted) connection.destroy();
      else connection.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool?.end();
    this.#pool = undefined;
  }

  async #ensureReadOnly(connection: mysql.PoolConnection): Promise<void> {
    if (this.#readOnlySessions.has(connection.connection)) return;
    await connection.query('SET SESSION TRANSACTION READ ONLY');
    this.#readOnlySessions.add(connection.connection);
  }

  async #kill(threadId: number): Promise<void> {
    const killer = await mysql.createConnection(this.#connection);
    try {
      await killer.query(`KILL QUERY ${Math.trunc(threadId)}`);
    } finally {
      await killer.end();
    }
  }
}
