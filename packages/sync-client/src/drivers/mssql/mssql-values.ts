import { AppError } from '@cotejo/protocol';
import mssql from 'mssql';
import { toCellValue } from '../cell-value.ts';
import type { CellValue, DriverRow } from '../driver.ts';

/**
 * Below 2^52 units of the last decimal place, a double read by tedious still holds the exact
 * value and `toFixed(scale)` writes it back digit for digit; past that, digits may be lost.
 */
const exactUnits = 2 ** 52;

type Columns = mssql.IColumnMetadata;

function scaleOf(column: Columns[string]): number | undefined {
  const type = column.type as unknown;
  if (type === mssql.Money || type === mssql.SmallMoney) return 4;
  if (type === mssql.Decimal || type === mssql.Numeric) return column.scale ?? 0;
  return undefined;
}

/**
 * tedious decodes decimal and money into JS numbers. Written back with the column's scale they
 * are exact up to 15–16 significant digits — far past any invoice amount; a larger value is
 * refused rather than sent rounded, with the way around it.
 */
function exactDecimal(value: unknown, column: Columns[string], scale: number): CellValue {
  if (typeof value !== 'number') return toCellValue(value);
  if (Math.abs(value) * 10 ** scale >= exactUnits) {
    throw new AppError(
      'ERP_UNAVAILABLE',
      `La columna «${column.name}» tiene un valor decimal de más de 15 dígitos que no se puede ` +
        `leer sin redondeo; conviértala a texto en la consulta: CONVERT(varchar(40), ${column.name}).`,
    );
  }
  return value.toFixed(scale);
}

/** One row with decimals and money as exact decimal strings, dates as YYYY-MM-DD. */
export function toExactRow(row: Record<string, unknown>, columns: Columns): DriverRow {
  const cells: DriverRow = {};
  for (const [name, value] of Object.entries(row)) {
    const column = columns[name];
    const scale = column === undefined ? undefined : scaleOf(column);
    cells[name] =
      column === undefined || scale === undefined
        ? toCellValue(value)
        : exactDecimal(value, column, scale);
  }
  return cells;
}
