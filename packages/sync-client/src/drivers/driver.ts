import type { DatabaseKind } from '@cotejo/protocol';
import type { PlaceholderStyle } from './placeholders.ts';

/** A value bound to a placeholder. */
export type DriverParam = string | number | null;

/** A value as sent to the server: decimals and dates as the database's own text. */
export type CellValue = string | number | null;

/** One result row, keyed by the column names (aliases) the database reports. */
export type DriverRow = Record<string, CellValue>;

export interface QueryOptions {
  /** Aborting cancels the running query; the call then rejects with `QUERY_TIMEOUT`. */
  signal: AbortSignal;
}

/**
 * The one port to a customer database. Each implementation lives in its own folder and is the
 * only file importing its client library; each opens its connections read-only.
 * Errors are `AppError`s: `QUERY_TIMEOUT` after an abort, `ERP_UNAVAILABLE` otherwise.
 */
export interface Driver {
  readonly kind: DatabaseKind;
  readonly placeholders: PlaceholderStyle;
  connect(): Promise<void>;
  /** `sql` uses the dialect's placeholders; `params` are bound, never spliced into the text. */
  query(sql: string, params: readonly DriverParam[], options: QueryOptions): Promise<DriverRow[]>;
  close(): Promise<void>;
}

export interface SqliteSettings {
  kind: 'sqlite';
  /** Absolute path of the database file. */
  path: string;
}

export interface NetworkDatabaseSettings {
  kind: 'postgres' | 'mysql';
  host: string;
  port: number;
  user: string;
  database: string;
  password?: string | undefined;
  ssl: boolean;
  /** Pool size; the lookup concurrency limit. */
  maxConnections: number;
}

export type DatabaseSettings = SqliteSettings | NetworkDatabaseSettings;
