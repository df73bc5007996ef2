import type { LocalRow } from './invoice.ts';
import { amountFromNumber, amountFromPlainDecimal, parseAmount } from './normalize/amount.ts';
import { parseComprobante, type Comprobante } from './normalize/comprobante.ts';
import { parseCuit } from './normalize/cuit.ts';
import { parseDate } from './normalize/date.ts';
import type { ComparedField, LocalInvoice } from './verdict.ts';

/**
 * One ERP row, normalized, plus the raw text of compared fields that could not be read.
 *
 * Decisions:
 * - null, missing and blank values are absent; strings are trimmed; numbers become String(n)
 *   (amounts through `amountFromNumber`, so 1.234 stays 1.23).
 * - The comprobante comes from `numeroComprobante`; when that is absent or unreadable, from
 *   `puntoVenta` + `numero`. Only when neither reads is it unreadable (shown as written).
 */
export interface ReadLocalRow {
  invoice: LocalInvoice;
  unreadable: Partial<Record<ComparedField, string>>;
}

type Value = LocalRow[keyof LocalRow];

function text(value: Value): string | undefined {
  if (value === null || value === undefined) return undefined;
  const written = typeof value === 'number' ? String(value) : value.trim();
  return written === '' ? undefined : written;
}

function readComprobante(row: LocalRow): Comprobante | string | undefined {
  const written = text(row.numeroComprobante);
  const puntoVenta = text(row.puntoVenta);
  const numero = text(row.numero);
  const parts = puntoVenta !== undefined && numero !== undefined ? `${puntoVenta}-${numero}` : null;
  const parsed =
    (written === undefined ? null : parseComprobante(written)) ??
    (parts === null ? null : parseComprobante(parts));
  return parsed ?? written ?? parts ?? undefined;
}

const valueReaders: {
  readonly [F in 'cuit' | 'fecha' | 'importe']: (value: Value) => string | null;
} = {
  cuit: (value) => parseCuit(text(value) ?? ''),
  fecha: (value) => parseDate(text(value) ?? ''),
  importe: (value) =>
    typeof value === 'number'
      ? amountFromNumber(value)
      : (amountFromPlainDecimal(value ?? '') ?? parseAmount(value ?? '')),
};

export function readLocalRow(row: LocalRow): ReadLocalRow {
  const invoice: LocalInvoice = {};
  const unreadable: ReadLocalRow['unreadable'] = {};
  const comprobante = readComprobante(row);
  if (typeof comprobante === 'string') unreadable.numeroComprobante = comprobante;
  else if (comprobante) Object.assign(invoice, comprobante);

  for (const field of ['cuit', 'fecha', 'importe'] as const) {
    const written = text(row[field]);
    if (written === undefined) continue;
    const value = valueReaders[field](row[field]);
    if (value === null) unreadable[field] = written;
    else invoice[field] = value;
  }

  for (const field of ['tipoComprobante', 'razonSocial', 'cae'] as const) {
    const written = text(row[field]);
    if (written !== undefined) invoice[field] = written;
  }
  const moneda = text(row.moneda);
  if (moneda !== undefined) invoice.moneda = moneda.toUpperCase();
  return { invoice, unreadable };
}
