/**
 * Comprobante type: a class (factura, nota de crédito, …) and/or a letter (A, B, C, E, M, T).
 *
 * Decisions:
 * - Read forms: a letter alone ("A"), a class word or abbreviation with an optional letter
 *   ("Factura A", "FC A", "FCA", "FA", "N/C B", "Nota de Crédito A", "ND"), or an AFIP
 *   numeric code ("1" = Factura A, "8" = Nota de Crédito B, "201" = Factura de Crédito
 *   Electrónica A). Case, accents and punctuation are ignored.
 * - "FC" alone is a factura with no letter (not "Factura C"); "FCC" is Factura C.
 * - FCE (Factura de Crédito Electrónica MiPyME) counts as class FACTURA.
 * - Two types are the same unless a part both sides state differs: "A" and "Factura A" are the
 *   same; "Factura A" and "Nota de Crédito A" are not. Text that cannot be read is compared
 *   as written (case- and space-insensitive).
 */
export const tipoClases = ['FACTURA', 'NOTA_DE_DEBITO', 'NOTA_DE_CREDITO', 'RECIBO'] as const;
export type TipoClase = (typeof tipoClases)[number];

export const comprobanteLetras = ['A', 'B', 'C', 'E', 'M', 'T'] as const;
export type ComprobanteLetra = (typeof comprobanteLetras)[number];

export interface TipoComprobante {
  clase?: TipoClase;
  letra?: ComprobanteLetra;
}

const classWords: readonly [RegExp, TipoClase][] = [
  [/^(?:NOTA DE CREDITO|NOTA CREDITO|N ?C)(?: ?([ABCEMT]))?$/, 'NOTA_DE_CREDITO'],
  [/^(?:NOTA DE DEBITO|NOTA DEBITO|N ?D)(?: ?([ABCEMT]))?$/, 'NOTA_DE_DEBITO'],
  [/^(?:RECIBO|REC)(?: ?([ABCEMT]))?$/, 'RECIBO'],
  [/^(?:FACTURA DE CREDITO ELECTRONICA|FACTURA|FACT|FAC|FCE|FC|F)(?: ?([ABCEMT]))?$/, 'FACTURA'],
];

/** AFIP's codes (tabla de tipos de comprobante) for the common classes and letters. */
const afipCodes: Readonly<Record<number, TipoComprobante>> = Object.fromEntries(
  (
    [
      ['A', [1, 2, 3, 4], [201, 202, 203]],
      ['B', [6, 7, 8, 9], [206, 207, 208]],
      ['C', [11, 12, 13, 15], [211, 212, 213]],
      ['E', [19, 20, 21], []],
      ['M', [51, 52, 53, 54], []],
    ] as const
  ).flatMap(([letra, plain, fce]) =>
    [...plain, ...fce].map((code, index) => {
      const position = index < plain.length ? index : index - plain.length;
      return [code, { clase: tipoClases[position], letra }] as const;
    }),
  ),
);

function simplify(written: string): string {
  return written
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Reads a written comprobante type; `null` when the text is no known type. */
export function parseTipoComprobante(written: string): TipoComprobante | null {
  const text = simplify(written);
  if (/^\d{1,3}$/.test(text)) return afipCodes[Number(text)] ?? null;
  if (/^[ABCEMT]$/.test(text)) return { letra: text as ComprobanteLetra };
  for (const [pattern, clase] of classWords) {
    const match = pattern.exec(text);
    if (match) return match[1] ? { clase, letra: match[1] as ComprobanteLetra } : { clase };
  }
  return null;
}

/** Whether two written types may name the same kind of comprobante. */
export function sameTipoComprobante(a: string, b: string): boolean {
  const left = parseTipoComprobante(a);
  const right = parseTipoComprobante(b);
  if (!left || !right) return simplify(a) === simplify(b);
  const differ = <K extends keyof TipoComprobante>(key: K) =>
    left[key] !== undefined && right[key] !== undefined && left[key] !== right[key];
  return !differ('clase') && !differ('letra');
}
