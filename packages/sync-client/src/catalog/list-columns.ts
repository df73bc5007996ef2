import type { DatabaseKind } from '@cotejo/protocol';
import type { Driver } from '../drivers/driver.ts';

/** One column of one table or view, as the database's catalog describes it. */
export interface CatalogColumn {
  schema: string | null;
  table: string;
  column: string;
  type: string;
}

/** Catalog queries per database: INFORMATION_SCHEMA where there is one, sqlite_master else. */
const columnsSql: Record<DatabaseKind, string> = {
  sqlite: `SELECT NULL AS table_schema, m.name AS table_name, c.name AS column_name,
    c.type AS data_type FROM sqlite_master m, pragma_table_info(m.name) c
    WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid`,
  postgres: `SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY table_schema, table_name, ordinal_position`,
  mysql: `SELECT NULL AS table_schema, TABLE_NAME AS table_name, COLUMN_NAME AS column_name,
    DATA_TYPE AS data_type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
    ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  mssql: `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name,
    COLUMN_NAME AS column_name, DATA_TYPE AS data_type FROM INFORMATION_SCHEMA.COLUMNS
    ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
};

export async function listColumns(driver: Driver, signal: AbortSignal): Promise<CatalogColumn[]> {
  const rows = await driver.query(columnsSql[driver.kind], [], { signal });
  return rows.map((row) => {
    const value = (name: string) => {
      const key = Object.keys(row).find((candidate) => candidate.toLowerCase() === name);
      return key === undefined ? null : row[key];
    };
    const schema = value('table_schema');
    return {
      schema: schema === null ? null : String(schema),
      table: String(value('table_name')),
      column: String(value('column_name')),
      type: String(value('data_type') ?? ''),
    };
  });
}
