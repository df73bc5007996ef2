import type { DatabaseKind } from '@cotejo/protocol';
import type { PlaceholderStyle } from './placeholders.ts';

/** A value bound to a placeholder. */
export type DriverParam = string | number | null;

/** A value as sent to the server: decimals and dates as the database's own text. */
export type CellValue = string | number | null;

/** One result row, keyed by the column names (aliases) the database reports. */
export type DriverRow = Record<string, CellValue>;

/** The declared type of a bound value; drivers with typed parameters (SQL Server) use it. */
export const parameterTypes = ['string', 'integer', 'decimal', 'date', 'boolean'] as const;
export type ParameterType = (typeof parameterTypes)[number];

export interface QueryOptions {
  /** Aborting cancels the running query; the call then rejects with `QUERY_TIMEOUT`. */
  signal: AbortSignal;
  /** The type of each bound value, by position; without it a driver infers from the value. */
  types?: readonly ParameterType[];
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

/** `strict`: TDS 8.0, TLS before anything else; `true`: TLS negotiated in PRELOGIN. */
export type MssqlEncryption = 'strict' | true | false;

export interface MssqlSettings {
  kind: 'mssql';
  host: string;
  /** TCP port; absent when a named instance is resolved through SQL Server Browser. */
  port?: number | undefined;
  instanceName?: string | undefined;
  user: string;
  database: string;
  password?: string | undefined;
  encrypt: MssqlEncryption;
  trustServerCertificate: boolean;
  /** PEM of the certificate authority that signed the server's certificate. */
  ca?: string | undefined;
  /** The name in the server's certificate when it differs from `host`. */
  tlsServerName?: string | undefined;
  connectTimeoutMs: number;
  maxConnections: number;
}

export type DatabaseSettings = SqliteSettings | NetworkDatabaseSettings | MssqlSettings;

/** What a driver tells its owner besides results: warnings the log must show. */
export interface DriverHooks {
  onWarning?: (message: string) => void;
}
