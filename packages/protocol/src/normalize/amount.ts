/**
 * Amounts as exact decimals: canonical form "-?\d+\.\d{2}" (at most 13 integer digits, no
 * leading zeros, never "-0.00"). Arithmetic is on bigint cents; a JS number is never the value.
 *
 * Decisions (the written form is ambiguous when only one kind of separator appears):
 * - Both '.' and ',' present: the last one is the decimal separator, the other groups thousands.
 * - One kind, more than once: thousands ("1.234.567" = 1234567.00).
 * - One kind, once, followed by exactly 3 digits after a nonzero 1–3 digit integer part without
 *   leading zero: thousands ("1.234" = 1234.00, "1,234" = 1234.00). Otherwise decimal
 *   ("1234,5" = 1234.50, "0,123" = 0.12, "1234.567" = 1234.57).
 * - Thousands groups must be well formed (1–3 digits, then groups of 3); "1.23.4" is rejected.
 * - More than 2 decimals are rounded half-up (away from zero); a trailing separator ("12,") is
 *   rejected; ".5" reads as 0.50.
 * - Accepted around the number: spaces (also non-breaking), one sign ('-' or '+') before or
 *   after the currency, "$", "AR$" or "ARS" in front or "ARS" behind.
 * - A JS number goes through `amountFromNumber`, which reads its shortest decimal form with '.'
 *   as the decimal separator (String(1.234) must stay 1.23, not become 1234.00).
 */
const maxIntegerDigits = 13;
const shape = /^([+-]?)(?:ARS|AR\$|\$)?([+-]?)([\d.,]+)(?:ARS)?$/;

/** "1.234,56", "1,234.56", "1234.56", "1234,5", "$ -1.234,56" → "1234.56"-style, exact. */
export function parseAmount(written: string): string | null {
  const match = shape.exec(written.replace(/\s/g, '').toUpperCase());
  if (!match) return null;
  const [, signBefore = '', signAfter = '', body = ''] = match;
  if (signBefore && signAfter) return null;
  const parts = splitDecimal(body);
  if (!parts) return null;
  return formatCents(roundToCents(parts.integer, parts.fraction), signBefore + signAfter === '-');
}

/** A JS number (e.g. from a database driver) → canonical amount, through its shortest form. */
export function amountFromNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  if (Math.abs(value) < 1e-6) return '0.00'; // String() would use exponent notation
  return amountFromPlainDecimal(String(value)); // null for 1e21 and beyond: far past 13 digits
}

/**
 * A plain decimal as databases print NUMERIC/DECIMAL/MONEY ("1.500", "-12.3400", "7"): '.' is
 * always the decimal point there, so "1.500" is 1.50, never the es-AR 1500.00. Null otherwise.
 */
export function amountFromPlainDecimal(written: string): string | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(written.trim());
  if (!match) return null;
  const [, sign = '', integer = '', fraction = ''] = match;
  return formatCents(roundToCents(integer, fraction), sign === '-');
}

function splitDecimal(body: string): { integer: string; fraction: string } | null {
  const separator = decimalSeparator(body);
  const cut = separator === null ? -1 : body.lastIndexOf(separator);
  const integerWritten = cut < 0 ? body : body.slice(0, cut);
  const fraction = cut < 0 ? '' : body.slice(cut + 1);
  if (cut >= 0 && !/^\d+$/.test(fraction)) return null;
  const integer = ungroup(integerWritten);
  if (integer === null || (integer === '' && fraction === '')) return null;
  return { integer, fraction };
}

function decimalSeparator(body: string): '.' | ',' | null {
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const only = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (only === null) return null;
  const pieces = body.split(only);
  if (pieces.length > 2) return null;
  const [integer = '', fraction = ''] = pieces;
  return /^[1-9]\d{0,2}$/.test(integer) && /^\d{3}$/.test(fraction) ? null : only;
}

/** Removes well-formed thousands separators; `null` when the grouping is malformed. */
function ungroup(integer: string): string | null {
  if (/^\d*$/.test(integer)) return integer;
  const groups = integer.split(/[.,]/);
  const separators = new Set(integer.replace(/\d/g, ''));
  if (separators.size !== 1) return null;
  const [first = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  return groups.join('');
}

function roundToCents(integer: string, fraction: string): bigint {
  const kept = BigInt((integer || '0') + fraction.slice(0, 2).padEnd(2, '0'));
  return (fraction[2] ?? '0') >= '5' ? kept + 1n : kept;
}

/** Magnitude in cents + sign → canonical text; `null` past 13 integer digits. */
function formatCents(magnitude: bigint, negative: boolean): string | null {
  const digits = magnitude.toString().padStart(3, '0');
  const integer = digits.slice(0, -2);
  if (integer.length > maxIntegerDigits) return null;
  return `${negative && magnitude > 0n ? '-' : ''}${integer}.${digits.slice(-2)}`;
}

/** A plain decimal with at most 2 places ("100", "-100.5", "100.00") → cents. */
export function centsFromAmount(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new RangeError(`Importe no canónico: "${amount}"`);
  const [, sign = '', integer = '', fraction = ''] = match;
  const cents = BigInt(integer + fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/**
 * A tolerance → whole cents. Any number of decimals is accepted ("0.0100" from a NUMERIC
 * column) and truncated: amounts are whole cents, so |a − b| <= 0.015 holds exactly when
 * |a − b| <= 0.01. A ',' may be the decimal separator. Throws for a negative or malformed one.
 */
const tolerancePattern = /^(\d+)(?:[.,](\d+))?$/;

/** Whether `value` is a tolerance `toleranceCents` accepts: a non-negative plain decimal. */
export function isTolerance(value: string): boolean {
  return tolerancePattern.test(value.trim());
}

export function toleranceCents(tolerance: string): bigint {
  const match = tolerancePattern.exec(tolerance.trim());
  if (!match) throw new RangeError(`Tolerancia inválida: "${tolerance}" (se espera p. ej. 0.01)`);
  const [, integer = '', fraction = ''] = match;
  return BigInt(integer + fraction.slice(0, 2).padEnd(2, '0'));
}

/** Exact comparison of two canonical amounts within a tolerance (default "0.01"). */
export function amountsWithin(a: string, b: string, tolerance = '0.01'): boolean {
  const allowed = toleranceCents(tolerance);
  const difference = centsFromAmount(a) - centsFromAmount(b);
  return (difference < 0n ? -difference : difference) <= allowed;
}
