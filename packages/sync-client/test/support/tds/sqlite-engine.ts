import Database from 'better-sqlite3';
import type { ClientRequest } from './client-request.ts';
import type { Column, ColumnType, ColumnValue } from './column-types.ts';
import type { QueryReply } from './tds-session.ts';

/** A declared SQL Server column type (as written in CREATE TABLE) → the type sent on the wire. */
function declaredType(declared: string | null): ColumnType | undefined {
  const text = (declared ?? '').toUpperCase().replace(/\s+/g, '');
  const size = /\((\d+|MAX)(?:,(\d+))?\)/.exec(text);
  const first = size?.[1] === 'MAX' ? undefined : Number(size?.[1] ?? NaN);
  const second = Number(size?.[2] ?? 0);
  const length = (max: number) => Math.min(Number.isNaN(first ?? NaN) ? max : (first ?? max), max);
  if (/^BIGINT/.test(text)) return { name: 'bigint' };
  if (/^(INT|INTEGER|SMALLINT|TINYINT)\b/.test(text)) return { name: 'int' };
  if (/^BIT/.test(text)) return { name: 'bit' };
  if (/^(SMALL)?MONEY/.test(text)) return { name: 'money' };
  if (/^(DECIMAL|NUMERIC)/.test(text))
    return { name: 'decimal', precision: first ?? 18, scale: second };
  if (/^(FLOAT|REAL|DOUBLE)/.test(text)) return { name: 'float' };
  if (/^DATETIME2/.test(text)) return { name: 'datetime2', scale: first ?? 7 };
  if (/^(SMALL)?DATETIME/.test(text)) return { name: 'datetime' };
  if (/^DATE$/.test(text)) return { name: 'date' };
  if (/^N(VAR)?CHAR/.test(text)) return { name: 'nvarchar', length: length(4000) };
  if (/^(VAR)?CHAR|^TEXT/.test(text)) return { name: 'varchar', length: length(8000) };
  return undefined;
}

/** The type of an expression column (no declared type), from its values. */
function inferredType(values: unknown[]): ColumnType {
  const sample = values.find((value) => value !== null && value !== undefined);
  if (typeof sample === 'number') return { name: 'float' };
  if (typeof sample === 'bigint') {
    const fits = values.every((value) => value === null || Math.abs(Number(value)) < 2 ** 31);
    return { name: fits ? 'int' : 'bigint' };
  }
  return { name: 'nvarchar', length: 4000 };
}

/** A SQLite error → the SQL Server error a real server would send for the same mistake. */
function serverError(error: unknown, database: string): NonNullable<QueryReply['error']> {
  const message = error instanceof Error ? error.message : String(error);
  const table = /no such table: (?:\w+\.)?(\S+)/.exec(message);
  if (table) return { number: 208, message: `Invalid object name '${table[1]}'.` };
  const column = /no such column: (\S+)/.exec(message);
  if (column) return { number: 207, message: `Invalid column name '${column[1]}'.` };
  if (/readonly/i.test(message)) {
    return {
      number: 3906,
      message: `Failed to update database "${database}" because the database is read-only.`,
    };
  }
  return { number: 102, message: `Incorrect syntax: ${message}` };
}

const informationSchema = `
  DELETE FROM INFORMATION_SCHEMA.TABLES;
  DELETE FROM INFORMATION_SCHEMA.COLUMNS;
  INSERT INTO INFORMATION_SCHEMA.TABLES
    SELECT 'dbo', name, CASE type WHEN 'view' THEN 'VIEW' ELSE 'BASE TABLE' END
    FROM dbo.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%';
  INSERT INTO INFORMATION_SCHEMA.COLUMNS
    SELECT 'dbo', m.name, c.name, lower(c.type), c.cid + 1
    FROM dbo.sqlite_master m, pragma_table_info(m.name, 'dbo') c
    WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%';`;

/**
 * Executes requests on a SQLite file standing in for the ERP database, attached as schema
 * `dbo` to a `query_only` connection (so `dbo.Facturas` and `Facturas` both work); `INFORMATION_SCHEMA.TABLES` and
 * `.COLUMNS` are filled from the SQLite schema. Columns go out with their declared SQL Server
 * types (`DECIMAL(15,2)`, `MONEY`, `DATETIME`, `NVARCHAR(100)` …). `HAS_PERMS_BY_NAME` says
 * the login may write to `writableTables` only.
 */
export function createSqliteEngine(
  path: string,
  database: string,
  writableTables: readonly string[] = [],
) {
  const db = new Database(':memory:');
  const writable = new Set(writableTables.map((table) => table.toLowerCase()));
  // SQL Server's permission check, answered from the test's list of writable tables.
  db.function('HAS_PERMS_BY_NAME', (securable: unknown, _class: unknown, permission: unknown) =>
    permission === 'SELECT' ||
    writable.has(
      String(securable)
        .toLowerCase()
        .replace(/^dbo\./, ''),
    )
      ? 1
      : 0,
  );
  db.prepare('ATTACH DATABASE ? AS dbo').run(path);
  db.exec(`ATTACH DATABASE ':memory:' AS INFORMATION_SCHEMA;
    CREATE TABLE INFORMATION_SCHEMA.TABLES (TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE);
    CREATE TABLE INFORMATION_SCHEMA.COLUMNS (TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE,
      ORDINAL_POSITION);`);
  const readOnly = (on: boolean) => db.pragma(`query_only = ${on ? 'ON' : 'OFF'}`);
  readOnly(true);

  return {
    answer(request: ClientRequest): QueryReply {
      try {
        if (/INFORMATION_SCHEMA/i.test(request.sql)) {
          readOnly(false);
          db.exec(informationSchema);
          readOnly(true);
        }
        const statement = db.prepare(request.sql.trim().replace(/;\s*$/, ''));
        if (statement.reader) statement.safeIntegers(true);
        const parameters = Object.fromEntries(
          request.parameters.map(({ name, value }) => [
            name.replace(/^@/, ''),
            typeof value === 'boolean' ? Number(value) : value,
          ]),
        );
        const bound = request.parameters.length === 0 ? [] : [parameters];
        if (!statement.reader) {
          statement.run(...bound);
          return { resultSets: [] };
        }
        const rows = statement.raw(true).all(...bound) as ColumnValue[][];
        const columns: Column[] = statement.columns().map((column, index) => ({
          name: column.name,
          type: declaredType(column.type) ?? inferredType(rows.map((row) => row[index])),
        }));
        return { resultSets: [{ columns, rows }] };
      } catch (error) {
        return { error: serverError(error, database) };
      }
    },
    close: () => db.close(),
  };
}
