import { formatDate } from '@cotejo/protocol';
import type { PageText } from './text-lines.ts';

/**
 * The pre-QR barcode (RG 1702, Interleaved 2 of 5) printed as its 40 digits under the bars:
 * CUIT (11) + tipo (2) + punto de venta (4) + CAE (14) + vto CAE (yyyymmdd) + check digit.
 */
export interface Rg1702Barcode {
  cuit: string;
  tipoCmp: number;
  puntoVenta: number;
  cae: string;
  caeVto: string | null;
}

export function findRg1702Barcode(pages: readonly PageText[]): Rg1702Barcode | undefined {
  for (const page of pages) {
    for (const line of page.lines) {
      for (const [digits] of line.text.matchAll(/(?<!\d)\d{40}(?!\d)/g)) {
        if (!checkDigitHolds(digits)) continue;
        return {
          cuit: digits.slice(0, 11),
          tipoCmp: Number(digits.slice(11, 13)),
          puntoVenta: Number(digits.slice(13, 17)),
          cae: digits.slice(17, 31),
          caeVto: formatDate(
            Number(digits.slice(31, 35)),
            Number(digits.slice(35, 37)),
            Number(digits.slice(37, 39)),
          ),
        };
      }
    }
  }
  return undefined;
}

/** Odd positions (1st, 3rd, …) times 3 plus even positions; the digit rounds up to a ten. */
function checkDigitHolds(digits: string): boolean {
  let odd = 0;
  let even = 0;
  for (let i = 0; i < 39; i++) {
    if (i % 2 === 0) odd += Number(digits[i]);
    else even += Number(digits[i]);
  }
  return (10 - ((odd * 3 + even) % 10)) % 10 === Number(digits[39]);
}
