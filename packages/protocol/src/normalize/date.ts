/** "dd/mm/yyyy", "dd/mm/yy", "yyyy-mm-dd" (also an ISO timestamp) → "yyyy-mm-dd", real dates only. */
export function parseDate(_written: string): string | null {
  throw new Error('not implemented');
}
