import { localFieldNames, type LocalFieldName, type LocalRow } from '@cotejo/protocol';
import type { DriverRow } from '../drivers/driver.ts';

const fieldByLowerName = new Map<string, LocalFieldName>(
  localFieldNames.map((name) => [name.toLowerCase(), name]),
);

/**
 * Keeps the columns whose alias names a canonical field (case-insensitive, since PostgreSQL
 * folds unquoted aliases to lower case) and drops the rest. Values pass through untouched.
 */
export function toLocalRow(row: DriverRow): LocalRow {
  const local: LocalRow = {};
  for (const [column, value] of Object.entries(row)) {
    const field = fieldByLowerName.get(column.toLowerCase());
    if (field !== undefined && !(field in local)) local[field] = value;
  }
  return local;
}
