import { z } from 'zod';
import { amountFromNumber, parseAmount } from './normalize/amount.ts';
import { parseComprobante } from './normalize/comprobante.ts';
import { parseCuit } from './normalize/cuit.ts';
import { parseDate } from './normalize/date.ts';

/** The canonical invoice (ARCHITECTURE.md §5): already normalized values only. */
export const canonicalInvoiceSchema = z.object({
  tipoComprobante: z.string().max(20).optional(),
  puntoVenta: z.number().int().min(0).max(99_999),
  numero: z.number().int().min(0).max(99_999_999),
  numeroComprobante: z.string().regex(/^\d{4,5}-\d{8}$/),
  cuit: z.string().regex(/^\d{11}$/),
  fecha: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  importe: z.string().regex(/^-?\d{1,13}\.\d{2}$/),
  moneda: z.string().max(3).optional(),
  razonSocial: z.string().max(200).optional(),
  cae: z.string().max(20).optional(),
});
export type CanonicalInvoice = z.infer<typeof canonicalInvoiceSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * What a platform client may send: the canonical fields in any common written form.
 * `numeroComprobante` may be given alone ("A-0001-00001234") or as `puntoVenta` + `numero`.
 */
export const invoiceInputSchema = z
  .object({
    tipoComprobante: text(20).optional(),
    puntoVenta: z.union([z.number().int(), text(5)]).optional(),
    numero: z.union([z.number().int(), text(8)]).optional(),
    numeroComprobante: text(40).optional(),
    cuit: text(20),
    fecha: text(20),
    importe: z.union([z.number(), text(30)]),
    moneda: text(3).optional(),
    razonSocial: text(200).optional(),
    cae: text(20).optional(),
  })
  .transform((input, ctx): CanonicalInvoice => {
    const written =
      input.numeroComprobante ??
      (input.puntoVenta !== undefined && input.numero !== undefined
        ? `${input.puntoVenta}-${input.numero}`
        : undefined);
    const comprobante = written === undefined ? null : parseComprobante(written);
    const cuit = parseCuit(input.cuit);
    const fecha = parseDate(input.fecha);
    const importe =
      typeof input.importe === 'number'
        ? amountFromNumber(input.importe)
        : parseAmount(input.importe);
    const issues: [string, string][] = [];
    if (!comprobante) issues.push(['numeroComprobante', 'Número de comprobante inválido']);
    if (!cuit) issues.push(['cuit', 'CUIT inválido: se esperan 11 dígitos']);
    if (!fecha) issues.push(['fecha', 'Fecha inválida: use dd/mm/aaaa o aaaa-mm-dd']);
    if (!importe) issues.push(['importe', 'Importe inválido']);
    for (const [path, message] of issues) ctx.addIssue({ code: 'custom', path: [path], message });
    if (!comprobante || !cuit || !fecha || !importe) return z.NEVER;
    return {
      ...comprobante,
      cuit,
      fecha,
      importe,
      ...(input.tipoComprobante !== undefined && { tipoComprobante: input.tipoComprobante }),
      ...(input.moneda !== undefined && { moneda: input.moneda.toUpperCase() }),
      ...(input.razonSocial !== undefined && { razonSocial: input.razonSocial }),
      ...(input.cae !== undefined && { cae: input.cae }),
    };
  });
export type InvoiceInput = z.input<typeof invoiceInputSchema>;

/** Canonical field names a lookup's column aliases may use. */
export const localFieldNames = [
  'tipoComprobante',
  'puntoVenta',
  'numero',
  'numeroComprobante',
  'cuit',
  'fecha',
  'importe',
  'moneda',
  'razonSocial',
  'cae',
] as const;
export type LocalFieldName = (typeof localFieldNames)[number];

/**
 * One row of the customer's ERP as the sync-client sends it: canonical field names, values as
 * the database returned them (decimals as strings, dates as ISO strings). The server normalizes.
 */
export const localRowSchema = z
  .object(
    Object.fromEntries(
      localFieldNames.map((name) => [
        name,
        z.union([z.string().max(200), z.number(), z.null()]).optional(),
      ]),
    ) as Record<LocalFieldName, z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodNumber, z.ZodNull]>>>,
  )
  .strip();
export type LocalRow = z.infer<typeof localRowSchema>;
