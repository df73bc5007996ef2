import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.ts';

const migrationsDir = new URL('./migrations/', import.meta.url);
/** Serializes migrations between processes sharing one PostgreSQL database. */
const migrationLockKey = 7_231_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `NNNN-name.sql` files in version order. */
export async function readMigrations(dir: URL = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => /^\d{4}-[\w-]+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: await readFile(new URL(file, dir), 'utf8'),
    })),
  );
}

/** Applies the forward-only migrations not yet recorded in `schema_migrations`. */
export async function migrate(db: Db, migrations?: Migration[]): Promise<number[]> {
  const pending = migrations ?? (await readMigrations());
  await db.query(
    `create table if not exists schema_migrations (
       version integer primary key,
       name text not null,
       applied_at timestamptz not null default now()
     )`,
  );
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [migrationLockKey]);
    const rows = await tx.query<{ version: number }>('select version from schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of pending) {
      if (done.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1::int, $2::text)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/**
 * Splits a migration into statements on `;` at line ends. Migrations are plain DDL written for
 * this: no functions with bodies, no semicolons inside strings.
 */
export function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
