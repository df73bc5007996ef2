import { parseTipoComprobante, type ComprobanteLetra } from '@cotejo/protocol';
import type { PageText, TextLine } from './text-lines.ts';

export interface ComprobanteInText {
  puntoVenta?: number;
  numero?: number;
  tipoCmp?: number;
  letra?: ComprobanteLetra;
}

/** "Punto de Venta: 00003   Comp. Nro: 00000128", "Punto de Venta: 1 - Nro. 00000002". */
const labelledPair =
  /Punto\s+de\s+Venta\s*:?\s*(\d{1,5})\s*-?\s*(?:Comp(?:robante)?\.?\s*)?N(?:ro|[°ºo])\.?\s*:?\s*(\d{1,8})\b/i;
/** "NRO.: 00004-00017649", "A Nº 0003 - 00003435", "Factura Nº 0005-00011643". */
const labelledNumber =
  /(?:N(?:RO|UMERO|ÚMERO|[°º])|FACTURA)\.?\s*:?\s*(?:[ABCEM]\s+)?(\d{1,5})\s*-\s*(\d{8})(?![\d-])/i;
const bareNumber = /(?<![\d-])(\d{4,5})\s*-\s*(\d{8})(?![\d-])/;

/** AFIP type code as printed: "COD. 011", "CODIGO: 001", "Cód:001", "Código 01", "C001". */
const typeCode = /\bC[OÓ]D(?:IGO)?\.?\s*:?\s*(\d{1,3})\b|\bC(\d{3})\b/i;
const typeWord =
  /\b(FACTURA|NOTA\s+DE\s+CR[EÉ]DITO|NOTA\s+DE\s+D[EÉ]BITO|RECIBO)\b(?:\s+([ABCEM])\b)?/i;

/** The AFIP code of a class and letter, for the common ones. */
const codeByClassAndLetter: Record<string, number> = {
  'FACTURA A': 1,
  'NOTA_DE_DEBITO A': 2,
  'NOTA_DE_CREDITO A': 3,
  'RECIBO A': 4,
  'FACTURA B': 6,
  'NOTA_DE_DEBITO B': 7,
  'NOTA_DE_CREDITO B': 8,
  'RECIBO B': 9,
  'FACTURA C': 11,
  'NOTA_DE_DEBITO C': 12,
  'NOTA_DE_CREDITO C': 13,
  'RECIBO C': 15,
  'FACTURA M': 51,
  'NOTA_DE_DEBITO M': 52,
  'NOTA_DE_CREDITO M': 53,
  'FACTURA E': 19,
  'NOTA_DE_DEBITO E': 20,
  'NOTA_DE_CREDITO E': 21,
};

export function findComprobante(pages: readonly PageText[]): ComprobanteInText {
  const lines = pages.flatMap((page) => page.lines);
  const number =
    firstMatch(lines, labelledPair) ??
    firstMatch(lines, labelledNumber) ??
    firstMatch(lines, bareNumber);
  const tipo = findTipo(pages[0]?.lines.slice(0, 15) ?? []);
  return {
    ...(number && { puntoVenta: Number(number[1]), numero: Number(number[2]) }),
    ...tipo,
  };
}

function firstMatch(lines: readonly TextLine[], pattern: RegExp): RegExpExecArray | null {
  for (const line of lines) {
    const match = pattern.exec(line.text);
    if (match) return match;
  }
  return null;
}

/** The letter in its box (a lone A/B/C/E/M) and the code under it, near the top of page 1. */
function findTipo(top: readonly TextLine[]): Pick<ComprobanteInText, 'tipoCmp' | 'letra'> {
  const code = firstMatch(top, typeCode);
  const codeValue = code ? Number(code[1] ?? code[2]) : null;
  const fromCode = codeValue === null ? null : parseTipoComprobante(String(codeValue));
  if (codeValue !== null && fromCode) {
    return { tipoCmp: codeValue, ...(fromCode.letra && { letra: fromCode.letra }) };
  }
  const word = firstMatch(top, typeWord);
  const loneLetter = top
    .flatMap((line) => line.items)
    .find((item) => /^\s*[ABCEM]\s*$/.test(item.text))
    ?.text.trim();
  const letter = (word?.[2] ?? loneLetter)?.toUpperCase() as ComprobanteLetra | undefined;
  if (!letter) return {};
  const clase = word ? parseTipoComprobante(word[1] ?? '')?.clase : undefined;
  const tipoCmp = clase ? codeByClassAndLetter[`${clase} ${letter}`] : undefined;
  return { letra: letter, ...(tipoCmp !== undefined && { tipoCmp }) };
}
