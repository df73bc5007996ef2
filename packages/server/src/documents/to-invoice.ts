import { formatComprobante, parseTipoComprobante, type CanonicalInvoice } from '@cotejo/protocol';
import type { ExtractedFields, FieldName } from '../extraction/extraction.ts';

const labels = {
  cuit: 'CUIT del emisor',
  puntoVenta: 'punto de venta',
  numero: 'número de comprobante',
  fecha: 'fecha de emisión',
  importe: 'importe total',
} as const satisfies Partial<Record<FieldName, string>>;

const classNames = {
  FACTURA: 'Factura',
  NOTA_DE_DEBITO: 'Nota de Débito',
  NOTA_DE_CREDITO: 'Nota de Crédito',
  RECIBO: 'Recibo',
} as const;

/**
 * The canonical invoice the validation needs, or the required fields extraction did not find
 * (in Spanish). Punto de venta and número 0 count as missing: AFIP numbers both from 1.
 */
export function toInvoice(
  fields: ExtractedFields,
): { invoice: CanonicalInvoice } | { missing: string[] } {
  const { cuit, puntoVenta, numero, fecha, importe } = fields;
  const missing = (Object.keys(labels) as (keyof typeof labels)[])
    .filter((name) => {
      const value = fields[name]?.value;
      return value === undefined || value === 0;
    })
    .map((name) => labels[name]);
  if (missing.length > 0 || !cuit || !puntoVenta || !numero || !fecha || !importe)
    return { missing };
  const tipo = tipoComprobante(fields);
  return {
    invoice: {
      puntoVenta: puntoVenta.value,
      numero: numero.value,
      numeroComprobante: formatComprobante(puntoVenta.value, numero.value),
      cuit: cuit.value,
      fecha: fecha.value,
      importe: importe.value,
      ...(tipo && { tipoComprobante: tipo }),
      ...(fields.moneda && { moneda: fields.moneda.value.slice(0, 3) }),
      ...(fields.razonSocial && { razonSocial: fields.razonSocial.value.slice(0, 200) }),
      ...(fields.cae && { cae: fields.cae.value.slice(0, 20) }),
    },
  };
}

/** "Factura A", "Nota de Crédito B", or the letter alone. */
function tipoComprobante(fields: ExtractedFields): string | undefined {
  const parsed = fields.tipoCmp ? parseTipoComprobante(String(fields.tipoCmp.value)) : null;
  const letra = parsed?.letra ?? fields.letra?.value;
  if (parsed?.clase) return `${classNames[parsed.clase]}${letra ? ` ${letra}` : ''}`;
  return letra;
}
