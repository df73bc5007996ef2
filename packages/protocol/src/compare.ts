import type { CanonicalInvoice, LocalRow } from './invoice.ts';
import type { LocalInvoice, Verdict } from './verdict.ts';

export interface CompareOptions {
  /** Largest amount difference still treated as equal, as a decimal string. Default "0.01". */
  amountTolerance?: string;
}

/** Normalizes one ERP row; values that cannot be read are kept out (and so never "match"). */
export function normalizeLocalRow(_row: LocalRow): LocalInvoice {
  throw new Error('not implemented');
}

/** The comparison rules: cloud invoice + local rows → verdict. */
export function compareInvoice(
  _cloud: CanonicalInvoice,
  _rows: readonly LocalRow[],
  _options: CompareOptions = {},
): Verdict {
  throw new Error('not implemented');
}
