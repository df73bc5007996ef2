import type { PageText } from './text-lines.ts';

/** "CAE N°: 73074974187800", "C.A.E. Nro.: …", "CAE NRO: null", "CAE N: …". */
const caePattern =
  /\bC\.?\s?A\.?\s?E\.?A?\s*(?:N(?:RO|[°ºo])?\.?)?\s*:?\s*(\d{6,20}|null|undefined|-+)(?![\d/])/i;

/** The CAE as printed (may be invalid: "000000000000", "null"); `undefined` when none. */
export function findCae(pages: readonly PageText[]): string | undefined {
  for (const page of pages) {
    for (const line of page.lines) {
      const match = caePattern.exec(line.text);
      if (match?.[1]) return match[1];
    }
  }
  return undefined;
}
