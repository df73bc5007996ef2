import type { CanonicalInvoice } from '@cotejo/protocol';

/** The named parameters a lookup may use (`@cuit`, …), defined once. */
export const lookupParameterNames = [
  'cuit',
  'puntoVenta',
  'numero',
  'numeroComprobante',
  'fecha',
  'importe',
  'tipoComprobante',
] as const;
export type LookupParameterName = (typeof lookupParameterNames)[number];

/** A value bound to a placeholder: never spliced into SQL text. */
export type ParameterValue = string | number | null;

/** Case-insensitive match of a written `@name` to a known parameter. */
export function findLookupParameter(written: string): LookupParameterName | undefined {
  const lower = written.toLowerCase();
  return lookupParameterNames.find((name) => name.toLowerCase() === lower);
}

/** The invoice's values, in the order the dialect's placeholders expect them. */
export function bindParameters(
  invoice: CanonicalInvoice,
  order: readonly LookupParameterName[],
): ParameterValue[] {
  return order.map((name) => invoice[name] ?? null);
}
