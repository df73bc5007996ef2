import type { CanonicalInvoice } from '@cotejo/protocol';
import type { ParameterType } from '../drivers/driver.ts';

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

/** How each parameter is typed where the database takes typed parameters (SQL Server). */
export const lookupParameterTypes: { readonly [N in LookupParameterName]: ParameterType } = {
  cuit: 'string',
  puntoVenta: 'integer',
  numero: 'integer',
  numeroComprobante: 'string',
  fecha: 'date',
  importe: 'decimal',
  tipoComprobante: 'string',
};

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
