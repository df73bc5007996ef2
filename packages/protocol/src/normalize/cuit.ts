/**
 * CUIT / CUIL: 11 digits, the last one a mod-11 check digit.
 *
 * Decisions:
 * - `parseCuit` only reads the number ("30-50001770-4", "30 50001770 4", "30.50001770.4"); it
 *   does not check the digit, so a CUIT with a wrong digit can still be compared and reported.
 * - `isValidCuit` checks the digit only (not the prefix 20/23/27/30/…): AFIP adds prefixes.
 */
const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** "30-50001770-4", "30500017704", "30 50001770 4" → "30500017704" when it has 11 digits. */
export function parseCuit(written: string): string | null {
  const digits = written.replace(/[-.\s]/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

/** The check digit the first 10 digits call for; `null` when the computation gives 10. */
export function cuitCheckDigit(firstTen: string): number | null {
  if (!/^\d{10}$/.test(firstTen)) throw new RangeError(`Se esperaban 10 dígitos: ${firstTen}`);
  let sum = 0;
  for (const [index, weight] of weights.entries()) sum += weight * Number(firstTen[index]);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  return digit === 10 ? null : digit;
}

/**
 * Mod-11 check digit with weights 5,4,3,2,7,6,5,4,3,2; a computed 10 is never valid.
 * Accepts the canonical 11 digits or any form `parseCuit` reads.
 */
export function isValidCuit(cuit: string): boolean {
  const digits = parseCuit(cuit);
  if (digits === null) return false;
  return cuitCheckDigit(digits.slice(0, 10)) === Number(digits[10]);
}
