/**
 * The database port. Domain modules receive a `Db`; only this folder imports a PostgreSQL
 * client. SQL is plain text with `$n` parameters and explicit casts; JSON values are passed as
 * strings (`JSON.stringify`) and cast with `::jsonb`; counts are cast to `::int`.
 */
export interface Queryable {
  query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DbKind = 'postgres' | 'pglite';
