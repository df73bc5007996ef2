import type { Db } from '../db/db.ts';
import { readMigrations } from '../db/migrate.ts';

export interface Readiness {
  ready: boolean;
  database: boolean;
  migrations: boolean;
}

/** Ready = the database answers and every migration shipped with this build is applied. */
export async function checkReadiness(db: Db): Promise<Readiness> {
  let applied: Set<number>;
  try {
    const rows = await db.query<{ version: number }>('select version from schema_migrations');
    applied = new Set(rows.map((row) => row.version));
  } catch {
    return { ready: false, database: false, migrations: false };
  }
  const shipped = await readMigrations();
  const migrations = shipped.every((migration) => applied.has(migration.version));
  return { ready: migrations, database: true, migrations };
}
