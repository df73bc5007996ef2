/**
 * The AFIP/ARCA invoice QR: `https://www.afip.gob.ar/fe/qr/?p=<base64 JSON>` (also the
 * `arca.gob.ar` host). Real QRs break the spec, so reading is lenient:
 * - the base64 may be base64url, split by whitespace or CR/LF, or unpadded;
 * - the JSON may be invalid (`"tipoCmp":01`) or truncated: then each `"key": value` pair that
 *   can be read is taken and the status is `malformed`;
 * - numbers may come as strings, zero-padded to fixed width with implied decimals
 *   (`"importe":"000000000000100"` = 1.00); dates may be dd/mm/yyyy; keys in any order.
 */
import { amountFromNumber, parseDate } from '@cotejo/protocol';

export interface AfipQrData {
  fecha?: string;
  cuit?: string;
  ptoVta?: number;
  tipoCmp?: number;
  nroCmp?: number;
  /** Canonical amount ("12100.00"). */
  importe?: string;
  /** The zero-padded form was read with implied decimals: confirm against the text. */
  importeAmbiguous?: { impliedDecimals: string; integer: string };
  moneda?: string;
  ctz?: string;
  tipoDocRec?: number;
  nroDocRec?: string;
  tipoCodAut?: string;
  codAut?: string;
}

export interface AfipQr {
  status: 'ok' | 'malformed';
  data: AfipQrData;
}

const qrUrl = /^https?:\/\/(?:www\.)?(?:afip|arca)\.gob\.ar\/fe\/qr\/?\?(?:.*&)?p=([^&#]+)/i;

/** The QR text → its data; `null` when the text is no AFIP QR or nothing in it can be read. */
export function parseAfipQr(text: string): AfipQr | null {
  const match = qrUrl.exec(text.trim());
  if (!match?.[1]) return null;
  const json = decodeBase64(safeDecodeUri(match[1]));
  if (json === null) return null;
  let raw: Record<string, unknown> | null = null;
  let status: AfipQr['status'] = 'ok';
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed !== null && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    status = 'malformed';
  }
  raw ??= lenientPairs(json);
  const data = readData(raw);
  if (Object.keys(data).length === 0) return null;
  if (status === 'ok' && !isComplete(data)) status = 'malformed';
  return { status, data };
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function decodeBase64(written: string): string | null {
  const compact = written.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  const padded = compact
    .replace(/=+$/, '')
    .padEnd(Math.ceil(compact.replace(/=+$/, '').length / 4) * 4, '=');
  const text = Buffer.from(padded, 'base64').toString('utf8');
  return text.includes('{') ? text : null;
}

/** `"key": value` pairs from text that is not valid JSON (also truncated). */
function lenientPairs(text: string): Record<string, unknown> {
  const pairs: Record<string, unknown> = {};
  const pair = /"(\w+)"\s*:\s*("(?:[^"\\]|\\.)*"|-?[\d.]+|null|true|false)\s*(?=[,}]|$)/g;
  for (const [, key = '', value = ''] of text.matchAll(pair)) {
    pairs[key] = value.startsWith('"') ? value.slice(1, -1) : value === 'null' ? null : value;
  }
  return pairs;
}

const digitsOf = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return value.trim();
  return undefined;
};

const integerOf = (value: unknown): number | undefined => {
  const digits = digitsOf(value);
  return digits === undefined || digits.length > 15 ? undefined : Number(digits);
};

function decimalOf(value: unknown, impliedDecimals: number) {
  if (typeof value === 'number') return { value: amountFromNumber(value) ?? undefined };
  if (typeof value !== 'string') return { value: undefined };
  const text = value.trim();
  if (/^\d+\.\d+$|^\d{1,13}$/.test(text) && !/^0\d/.test(text)) {
    return { value: amountFromNumber(Number(text)) ?? undefined };
  }
  if (/^0\d+$/.test(text) && text.length > impliedDecimals) {
    const cut = text.length - impliedDecimals;
    const implied =
      amountFromNumber(Number(`${text.slice(0, cut)}.${text.slice(cut)}`)) ?? undefined;
    const integer = amountFromNumber(Number(text)) ?? undefined;
    return {
      value: implied,
      ambiguous: implied && integer ? { impliedDecimals: implied, integer } : undefined,
    };
  }
  return { value: undefined };
}

function readData(raw: Record<string, unknown>): AfipQrData {
  const importe = decimalOf(raw.importe, 2);
  const ctz = decimalOf(raw.ctz, 6);
  const cuit = digitsOf(raw.cuit);
  const fecha = typeof raw.fecha === 'string' ? parseDate(raw.fecha) : null;
  const data: AfipQrData = {
    ...(fecha && { fecha }),
    ...(cuit && { cuit: cuit.padStart(11, '0') }),
    ptoVta: integerOf(raw.ptoVta),
    tipoCmp: integerOf(raw.tipoCmp),
    nroCmp: integerOf(raw.nroCmp),
    importe: importe.value,
    importeAmbiguous: importe.ambiguous,
    moneda:
      typeof raw.moneda === 'string' && raw.moneda.trim()
        ? raw.moneda.trim().toUpperCase()
        : undefined,
    ctz: ctz.value,
    tipoDocRec: integerOf(raw.tipoDocRec),
    nroDocRec: digitsOf(raw.nroDocRec),
    tipoCodAut: typeof raw.tipoCodAut === 'string' ? raw.tipoCodAut : undefined,
    codAut: digitsOf(raw.codAut),
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

/** The fields the spec requires, present and in range. */
function isComplete(data: AfipQrData): boolean {
  return (
    data.fecha !== undefined &&
    data.cuit?.length === 11 &&
    data.ptoVta !== undefined &&
    data.tipoCmp !== undefined &&
    data.nroCmp !== undefined &&
    data.nroCmp <= 99_999_999 &&
    data.importe !== undefined &&
    data.codAut?.length === 14
  );
}
