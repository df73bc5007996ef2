/** "1.234,56", "1,234.56", "1234.56", "1234,5", 1234.5 → "1234.56"-style, exact, 2 places. */
export function parseAmount(_written: string): string | null {
  throw new Error('not implemented');
}

/** Exact comparison of two canonical amounts within a tolerance (default "0.01"). */
export function amountsWithin(_a: string, _b: string, _tolerance?: string): boolean {
  throw new Error('not implemented');
}
