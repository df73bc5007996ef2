import type { CanonicalInvoice } from '@cotejo/protocol';
import { z } from 'zod';

/**
 * The first design's message shapes (ARCHITECTURE.md §3, "Compatibility"), kept for clients
 * written to it. Message types are defined once here.
 */
export const legacyMessageTypes = [
  'VALIDATE_INVOICE',
  'VALIDATION_RESULT',
  'PING',
  'PONG',
  'QUERY_DATA',
  'ERROR',
] as const;

const queryId = z.string().min(1).max(128);

/** What a legacy client reports for one query: the local record it found, or an error. */
export const legacyResultSchema = z.object({
  validated: z.boolean().optional(),
  exists: z.boolean().optional(),
  matches: z.boolean().optional(),
  data: z.unknown().optional(),
  error: z.string().max(2000).nullish(),
});
export type LegacyResult = z.infer<typeof legacyResultSchema>;

/** Client → server over the legacy WebSocket. */
export const legacyClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('VALIDATION_RESULT'), queryId, result: legacyResultSchema }),
  z.object({ type: z.literal('PING') }),
  z.object({ type: z.literal('PONG') }),
  z.object({ type: z.literal('QUERY_DATA') }).loose(),
]);
export type LegacyClientMessage = z.infer<typeof legacyClientMessageSchema>;

/** Body of `POST /api/sync/query-response`. */
export const legacyQueryResponseSchema = z.union([
  z.object({ queryId, result: legacyResultSchema }),
  z.object({ queryId, error: z.string().min(1).max(2000) }),
]);

/** The invoice as the first design sent it. */
export function legacyInvoiceData(invoice: CanonicalInvoice) {
  const { numeroComprobante, cuit, fecha, importe } = invoice;
  return { numeroComprobante, cuit, fecha, importe };
}

export const queryDataRefusal =
  'QUERY_DATA no está soportado: la nube nunca envía SQL. El sync-client responde solo a ' +
  'VALIDATE_INVOICE con sus propias búsquedas; actualícelo a la versión actual de Cotejo.';
