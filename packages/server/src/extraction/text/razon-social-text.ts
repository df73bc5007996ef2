import type { PageText } from './text-lines.ts';

/** "Razón Social: X" (not the receiver's "Apellido y Nombre / Razón Social"), "Emisor: X". */
const issuerName = /(?<!\/\s*)(?:Raz[oó]n\s+Social|Emisor)\s*:\s*(\S.*?)(?:\s{3,}|$)/i;
/** A name: two to eight words of letters (and "&", ".", "-"), nothing else. */
const nameShape = /^[\p{L}&][\p{L}&.'-]*(?:\s[\p{L}&][\p{L}&.'-]*){1,7}$/u;
const notNames =
  /\b(?:factura|original|duplicado|triplicado|comprobante|responsable|inscripto|monotributo|consumidor|iva|condici[oó]n|ingresos|brutos|domicilio|fecha|p[aá]gina|hoja|cr[eé]dito|electr[oó]nica|mipymes|precio|cantidad|descripci[oó]n|importe|total|subtotal|neto|al[ií]cuota|unitario|c[oó]digo)\b/i;
const receiverCue = /se[ñn]or|\bsr\.?\s*\(s\)|cliente|receptor|apellido y nombre|destinatario/i;

/**
 * The issuer's name: the "Razón Social:" label of AFIP layouts first; otherwise the first
 * name-shaped column cell in the header of page 1, before the receiver's block.
 */
export function findRazonSocial(pages: readonly PageText[]): string | undefined {
  const lines = pages[0]?.lines ?? [];
  for (const line of lines) {
    const name = issuerName.exec(line.text)?.[1]?.trim();
    if (name && name.length >= 2) return name.slice(0, 200);
  }
  for (const line of lines.slice(0, 12)) {
    if (receiverCue.test(line.text)) break;
    if (/C\.?\s?U\.?\s?I\.?\s?T/i.test(line.text)) continue; // a party's CUIT line
    const cell = line.text
      .split(/\s{3,}/)
      .map((part) => part.trim())
      .find((part) => nameShape.test(part) && !notNames.test(part));
    if (cell) return cell.slice(0, 200);
  }
  return undefined;
}
