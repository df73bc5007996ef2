import Database from 'better-sqlite3';
import type { Driver, DriverParam, DriverRow, QueryOptions, SqliteSettings } from '../driver.ts';
import { toDriverRow } from '../cell-value.ts';
import { connectError, erpError, queryTimeoutError } from '../driver-errors.ts';

/**
 * SQLite through better-sqlite3, opened read-only (the file must exist).
 *
 * Timeouts: better-sqlite3 runs a statement synchronously on the event loop, so a timer cannot
 * fire while it runs and a running statement cannot be interrupted. The signal is checked
 * before the statement starts and again before rows are returned. SQLite lookups read a local
 * file by index, so in practice they finish in milliseconds.
 */
export class SqliteDriver implements Driver {
  readonly kind = 'sqlite';
  readonly placeholders = 'question';
  #db: Database.Database | undefined;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(private readonly settings: SqliteSettings) {}

  connect(): Promise<void> {
    try {
      this.#db = new Database(this.settings.path, { readonly: true, fileMustExist: true });
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(connectError(this.settings, error));
    }
  }

  query(
    sql: string,
    params: readonly DriverParam[],
    { signal }: QueryOptions,
  ): Promise<DriverRow[]> {
    try {
      if (signal.aborted) throw queryTimeoutError(signal.reason);
      const statement = this.#prepare(sql);
      if (!statement.reader) {
        statement.run(...params); // refused by the read-only connection
        return Promise.resolve([]);
      }
      const rows = statement.all(...params) as Record<string, unknown>[];
      if (signal.aborted) throw queryTimeoutError(signal.reason);
      return Promise.resolve(rows.map(toDriverRow));
    } catch (error) {
      return Promise.reject(erpError(this.kind, error));
    }
  }

  close(): Promise<void> {
    this.#statements.clear();
    this.#db?.close();
    this.#db = undefined;
    return Promise.resolve();
  }

  #prepare(sql: string): Database.Statement {
    const cached = this.#statements.get(sql);
    if (cached) return cached;
    if (!this.#db) throw new Error('la base SQLite no está abierta');
    const statement = this.#db.prepare(sql);
    if (statement.reader) statement.safeIntegers(true);
    this.#statements.set(sql, statement);
    return statement;
  }
}
