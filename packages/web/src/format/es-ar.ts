/** Dates, amounts and durations as an Argentine accountant reads them. */
const locale = 'es-AR';
const timeZone = 'America/Argentina/Buenos_Aires';

/**
 * A decimal string ("1500.00") as "$ 1.500,00". Formats the digits themselves, so that amounts
 * beyond a double's precision stay exact.
 */
export function formatAmount(value: string | null | undefined, currency = '$'): string {
  if (value === null || value === undefined || value === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const cents = `${fraction}00`.slice(0, Math.max(2, fraction.length));
  return `${sign}${currency} ${grouped},${cents}`.trim();
}

const dateFormat = new Intl.DateTimeFormat(locale, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat(locale, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone,
});
const dayFormat = new Intl.DateTimeFormat(locale, {
  day: '2-digit',
  month: '2-digit',
  timeZone: 'UTC',
});

/** A calendar date ("2026-03-15") as "15/03/2026" — no time zone shift. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? isoDate : dateFormat.format(time);
}

/** A calendar day as "15/03" (chart axes). */
export function formatDay(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(time) ? isoDate : dayFormat.format(time);
}

/** An instant in Argentina's time ("15/03/2026, 14:05:09"). */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const time = Date.parse(instant);
  return Number.isNaN(time) ? instant : dateTimeFormat.format(time);
}

/** "850 ms", "1,2 s", "3 min 5 s", "2 h 10 min". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toLocaleString(locale, { maximumFractionDigits: 1 })} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A share (0..1) as "87,5 %". */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

/** "hace 5 s", "hace 3 min" — for heartbeats. */
export function formatAgo(instant: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(instant));
  return ms < 1000 ? 'hace instantes' : `hace ${formatDuration(Math.round(ms / 1000) * 1000)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toLocaleString(locale, { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** "30-50001770-4" from 11 digits. */
export function formatCuit(cuit: string | null | undefined): string {
  if (!cuit) return '—';
  return /^\d{11}$/.test(cuit)
    ? `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`
    : cuit;
}
