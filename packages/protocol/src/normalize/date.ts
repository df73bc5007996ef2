/**
 * Dates → "yyyy-mm-dd".
 *
 * Decisions:
 * - Day first: "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy" (one separator kind), and
 *   the same with a two-digit year: yy <= 79 → 20yy, otherwise 19yy ("05/03/24" = 2024-03-05,
 *   "05/03/85" = 1985-03-05). A time after the date ("05/03/2024 00:00") is ignored.
 * - Year first: "yyyy-mm-dd" (also "yyyy/mm/dd"), optionally followed by a time as in an ISO
 *   timestamp ("2024-03-05T00:00:00.000Z", "2024-03-05 00:00:00"): the date is taken as
 *   written, never shifted by the time zone.
 * - Only real Gregorian dates in years 1900–2099; "31/02/2024" and month 13 are rejected.
 */
const time = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const yearFirst = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${time}$`);
const dayFirst = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${time}$`);

/** "dd/mm/yyyy", "dd/mm/yy", "yyyy-mm-dd" (also an ISO timestamp) → "yyyy-mm-dd", real dates only. */
export function parseDate(written: string): string | null {
  const text = written.trim();
  const iso = yearFirst.exec(text);
  if (iso) return formatDate(Number(iso[1]), Number(iso[3]), Number(iso[4]));
  const local = dayFirst.exec(text);
  if (!local) return null;
  const [, day = '', , month = '', year = ''] = local;
  return formatDate(fullYear(year), Number(month), Number(day));
}

function fullYear(written: string): number {
  if (written.length === 4) return Number(written);
  const short = Number(written);
  return short <= 79 ? 2000 + short : 1900 + short;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real date → "yyyy-mm-dd"; `null` for an impossible one or a year outside 1900–2099. */
export function formatDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2099 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}
