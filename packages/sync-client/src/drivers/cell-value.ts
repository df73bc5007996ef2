import type { CellValue } from './driver.ts';

/** Longest string the protocol accepts in a local row. */
const maxTextLength = 200;

/**
 * A binary double as the shortest decimal text with at most 15 significant digits — what
 * SQLite itself prints for a REAL — so a REAL 1234.56 is sent as "1234.56", never as a float.
 */
export function doubleToDecimalText(value: number): CellValue {
  if (!Number.isFinite(value)) return null;
  if (Number.isSafeInteger(value)) return value;
  const text = value.toPrecision(15);
  if (text.includes('e')) return String(value);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A driver value → what a local row may carry (string, number or null). */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, maxTextLength);
  if (typeof value === 'number') return doubleToDecimalText(value);
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (Buffer.isBuffer(value)) return value.toString('utf8').slice(0, maxTextLength);
  return JSON.stringify(value).slice(0, maxTextLength);
}

export function toDriverRow(row: Record<string, unknown>): Record<string, CellValue> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, toCellValue(value)]));
}
