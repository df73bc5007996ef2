import { parseTipoComprobante } from './tipo-comprobante.ts';

/**
 * Comprobante numbers: punto de venta (1–5 digits) + número (1–8 digits).
 *
 * Decisions:
 * - In front, optionally: a comprobante type `parseTipoComprobante` reads ("A", "FC A",
 *   "Factura B", "N/C C") and/or "N°", "Nº", "Nro", "Num", "Número". Nothing is accepted after
 *   the número.
 * - Between punto de venta and número: '-', '/', or spaces (around a '-' or '/' too). A '.' is
 *   not a separator ("1.234" would read as a thousands-grouped number).
 * - A bare run of 12 digits is 4 + 8; of 13 digits, 5 + 8. Any other bare run is rejected.
 * - Punto de venta 0 and número 0 are rejected: AFIP numbers both from 1.
 * - numeroComprobante pads the punto de venta to 4 digits (5 when it needs 5) and the número
 *   to 8, so "00001-00001234" and "1-1234" both give "0001-00001234".
 */
export interface Comprobante {
  puntoVenta: number;
  numero: number;
  /** "0001-00001234"; a 5-digit punto de venta keeps 5 digits. */
  numeroComprobante: string;
}

const numberLabel = /\s*(?:N\s*[°º]|NRO|NUM|NUMERO|NÚMERO)\.?\s*:?\s*$/i;
const separated = /^(\d{1,5})(?:\s*[-/]\s*|\s+)(\d{1,8})$/;
const bare = /^(\d{4,5})(\d{8})$/;

/** "A-0001-00001234", "0001-00001234", "00001-00001234", "1-1234", "A 0001 00001234" → parts. */
export function parseComprobante(written: string): Comprobante | null {
  const text = written.trim();
  const firstDigit = text.search(/\d/);
  if (firstDigit < 0) return null;
  if (!acceptablePrefix(text.slice(0, firstDigit))) return null;
  const digits = text.slice(firstDigit);
  const match = separated.exec(digits) ?? bare.exec(digits);
  if (!match) return null;
  const puntoVenta = Number(match[1]);
  const numero = Number(match[2]);
  if (puntoVenta < 1 || numero < 1) return null;
  return { puntoVenta, numero, numeroComprobante: formatComprobante(puntoVenta, numero) };
}

function acceptablePrefix(prefix: string): boolean {
  const type = prefix.replace(numberLabel, '').replace(/[\s\-/:.]+$/, '');
  return type === '' || parseTipoComprobante(type) !== null;
}

export function formatComprobante(puntoVenta: number, numero: number): string {
  return `${String(puntoVenta).padStart(4, '0')}-${String(numero).padStart(8, '0')}`;
}
