import type { Driver } from '../drivers/driver.ts';

const grantee = `CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',
  SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')`;

/** A query counting the write permissions (INSERT, UPDATE, DELETE) the login has on one table. */
const writePermissionSql: Record<Exclude<Driver['kind'], 'sqlite'>, string> = {
  postgres: `SELECT (has_table_privilege($1, 'INSERT')::int + has_table_privilege($1, 'UPDATE')::int
    + has_table_privilege($1, 'DELETE')::int) AS n`,
  mysql: `SELECT COUNT(*) AS n FROM (
      SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ${grantee}
      UNION ALL SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES
        WHERE GRANTEE = ${grantee} AND TABLE_SCHEMA = DATABASE()
      UNION ALL SELECT PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES
        WHERE GRANTEE = ${grantee} AND TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
    ) p WHERE PRIVILEGE_TYPE IN ('INSERT', 'UPDATE', 'DELETE')`,
  mssql: `SELECT COALESCE(HAS_PERMS_BY_NAME(@p1, 'OBJECT', 'INSERT'), 0)
    + COALESCE(HAS_PERMS_BY_NAME(@p1, 'OBJECT', 'UPDATE'), 0)
    + COALESCE(HAS_PERMS_BY_NAME(@p1, 'OBJECT', 'DELETE'), 0) AS n`,
};

/**
 * Whether the login could write to `table` (least-privilege self-check). SQLite: `false`, the
 * driver opens the file read-only. `null` when the database could not tell.
 */
export async function canWrite(
  driver: Driver,
  table: string,
  signal: AbortSignal,
): Promise<boolean | null> {
  if (driver.kind === 'sqlite') return false;
  try {
    const [row] = await driver.query(writePermissionSql[driver.kind], [table], {
      signal,
      types: ['string'],
    });
    const count = Number(Object.values(row ?? {})[0] ?? NaN);
    return Number.isNaN(count) ? null : count > 0;
  } catch {
    return null;
  }
}
