import type { CanonicalInvoice, LocalRow } from './invoice.ts';
import { readLocalRow, type ReadLocalRow } from './local-row.ts';
import { amountsWithin, toleranceCents } from './normalize/amount.ts';
import { parseComprobante } from './normalize/comprobante.ts';
import { sameTipoComprobante } from './normalize/tipo-comprobante.ts';
import {
  comparedFields,
  type ComparedField,
  type Difference,
  type LocalInvoice,
  type Verdict,
} from './verdict.ts';

/**
 * The comparison rules (ARCHITECTURE.md §5).
 *
 * Decisions:
 * - No rows: NO_ENCONTRADO. Two or more: DUPLICADO, judged against the first row (`matches`
 *   and `differences` describe it), `duplicates` = rows − 1. One row: OK or DIFERENCIAS.
 * - A field the local row lacks is not a difference; a local value that could not be read is,
 *   shown as the ERP wrote it. tipoComprobante is compared only when both sides have it, with
 *   `sameTipoComprobante` ("A" matches "Factura A").
 * - Amounts are equal when |cloud − local| <= tolerance, exactly (bigint cents); the tolerance
 *   must be a non-negative decimal ("0.01", "0,05", "0.0100"), else RangeError.
 */
export interface CompareOptions {
  /** Largest amount difference still treated as equal, as a decimal string. Default "0.01". */
  amountTolerance?: string;
}

export const defaultAmountTolerance = '0.01';

/** Normalizes one ERP row; values that cannot be read are kept out (and so never "match"). */
export function normalizeLocalRow(row: LocalRow): LocalInvoice {
  return readLocalRow(row).invoice;
}

/** The comparison rules: cloud invoice + local rows → verdict. */
export function compareInvoice(
  cloud: CanonicalInvoice,
  rows: readonly LocalRow[],
  options: CompareOptions = {},
): Verdict {
  const tolerance = options.amountTolerance ?? defaultAmountTolerance;
  toleranceCents(tolerance); // refuses a bad tolerance even when there is nothing to compare
  const read = rows.map(readLocalRow);
  const local = read.map((row) => row.invoice);
  const [first] = read;
  if (!first) {
    return {
      status: 'NO_ENCONTRADO',
      exists: false,
      matches: false,
      differences: [],
      duplicates: 0,
      local,
    };
  }
  const differences = comparedFields.flatMap((field) => {
    const difference = fieldDifference(field, cloud, first, tolerance);
    return difference ? [difference] : [];
  });
  const matches = differences.length === 0;
  const duplicates = read.length - 1;
  const status = duplicates > 0 ? 'DUPLICADO' : matches ? 'OK' : 'DIFERENCIAS';
  return { status, exists: true, matches, differences, duplicates, local };
}

function cloudValue(cloud: CanonicalInvoice, field: ComparedField): string | undefined {
  if (field !== 'numeroComprobante') return cloud[field];
  return parseComprobante(cloud.numeroComprobante)?.numeroComprobante ?? cloud.numeroComprobante;
}

function same(field: ComparedField, cloud: string, local: string, tolerance: string): boolean {
  switch (field) {
    case 'importe':
      return amountsWithin(cloud, local, tolerance);
    case 'tipoComprobante':
      return sameTipoComprobante(cloud, local);
    case 'numeroComprobante':
    case 'cuit':
    case 'fecha':
      return cloud === local;
  }
}

function fieldDifference(
  field: ComparedField,
  cloud: CanonicalInvoice,
  row: ReadLocalRow,
  tolerance: string,
): Difference | null {
  const cloudText = cloudValue(cloud, field);
  if (cloudText === undefined) return null;
  const unreadable = row.unreadable[field];
  if (unreadable !== undefined) return { field, cloud: cloudText, local: unreadable };
  const localText = row.invoice[field];
  if (localText === undefined || same(field, cloudText, localText, tolerance)) return null;
  return { field, cloud: cloudText, local: localText };
}
