import { z } from 'zod';
import { canonicalInvoiceSchema, localRowSchema } from './invoice.ts';
import { comparedFields, comparisonStatuses } from './verdict.ts';

/** The agent protocol's subprotocol name and method names, defined once. */
export const agentSubprotocol = 'cotejo.v1';

export const methodNames = ['agent.hello', 'invoice.lookup', 'query.run'] as const;
export type MethodName = (typeof methodNames)[number];

export const databaseKinds = ['sqlite', 'postgres', 'mysql', 'mssql'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

const name = z.string().min(1).max(100);

/** How a sync-client reaches the server: WebSocket, or HTTP long-poll when WebSockets fail. */
export const agentTransportNames = ['websocket', 'long-poll'] as const;
export type AgentTransportName = (typeof agentTransportNames)[number];

/** Client → server notification, sent once after each connect. */
export const agentHelloParamsSchema = z.object({
  version: z.string().max(50),
  hostname: z.string().max(255),
  database: z.enum(databaseKinds),
  lookups: z.array(name).max(100),
  queries: z.array(name).max(100).default([]),
  transport: z.enum(agentTransportNames).optional(),
  /** Why the client is on long-poll instead of WebSocket (shown in presence). */
  fallbackReason: z.string().max(500).optional(),
});
export type AgentHelloParams = z.infer<typeof agentHelloParamsSchema>;

/** Server → client request: look the invoice up in the local ERP. */
export const invoiceLookupParamsSchema = canonicalInvoiceSchema;
export type InvoiceLookupParams = z.infer<typeof invoiceLookupParamsSchema>;

/**
 * Sent beside the invoice in `invoice.lookup` params: how many milliseconds, from receipt, the
 * server waits for this answer. Past them the client skips the request instead of running it
 * late and answers `DEADLINE_EXCEEDED`; the server redelivers it.
 */
export const lookupDeadlineSchema = z.object({
  deadlineMs: z.number().int().nonnegative().max(86_400_000),
});

export const maxLookupRows = 50;
export const invoiceLookupResultSchema = z.object({
  rows: z.array(localRowSchema).max(maxLookupRows),
  lookup: name.optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type InvoiceLookupResult = z.infer<typeof invoiceLookupResultSchema>;

/**
 * The answer of a sync-client in data-minimization mode: it ran `compareInvoice` itself and
 * sends only the verdict and the names of the fields that differ; no ERP value leaves it.
 */
export const minimizedLookupResultSchema = z
  .object({
    minimized: z.literal(true),
    status: z.enum(comparisonStatuses),
    exists: z.boolean(),
    matches: z.boolean(),
    differingFields: z.array(z.enum(comparedFields)).max(comparedFields.length),
    duplicates: z.number().int().min(0).max(maxLookupRows),
    lookup: name.optional(),
    durationMs: z.number().nonnegative().optional(),
  })
  .refine((result) => result.exists === (result.status !== 'NO_ENCONTRADO'), {
    message: 'exists contradice status',
  })
  .refine((result) => result.matches === (result.exists && result.differingFields.length === 0), {
    message: 'matches contradice differingFields',
  });
export type MinimizedLookupResult = z.infer<typeof minimizedLookupResultSchema>;

/** Any valid answer to `invoice.lookup`: the local rows, or a minimized verdict. */
export const invoiceLookupAnswerSchema = z.union([
  minimizedLookupResultSchema,
  invoiceLookupResultSchema,
]);
export type InvoiceLookupAnswer = z.infer<typeof invoiceLookupAnswerSchema>;

/** Server → client request: run a query the client's own config declares, by name. */
export const queryRunParamsSchema = z.object({
  name,
  params: z.record(
    z.string().max(100),
    z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
  ),
});
export type QueryRunParams = z.infer<typeof queryRunParamsSchema>;

export const queryRunResultSchema = z.object({
  rows: z.array(z.record(z.string(), z.unknown())).max(1000),
});
export type QueryRunResult = z.infer<typeof queryRunResultSchema>;
