import {
  compareInvoice,
  type CanonicalInvoice,
  type InvoiceLookupResult,
  type MinimizedLookupResult,
} from '@cotejo/protocol';

/**
 * Data-minimization mode: the comparison rules of `protocol` run here, and only the verdict
 * and the names of the differing fields leave the premises — no ERP value at all.
 */
export function minimizeResult(
  invoice: CanonicalInvoice,
  result: InvoiceLookupResult,
  amountTolerance: string,
): MinimizedLookupResult {
  const verdict = compareInvoice(invoice, result.rows, { amountTolerance });
  return {
    minimized: true,
    status: verdict.status,
    exists: verdict.exists,
    matches: verdict.matches,
    differingFields: verdict.differences.map((difference) => difference.field),
    duplicates: verdict.duplicates,
    ...(result.lookup !== undefined && { lookup: result.lookup }),
    ...(result.durationMs !== undefined && { durationMs: result.durationMs }),
  };
}
