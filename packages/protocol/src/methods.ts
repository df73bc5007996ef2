import { z } from 'zod';
import { canonicalInvoiceSchema, localRowSchema } from './invoice.ts';

/** The agent protocol's subprotocol name and method names, defined once. */
export const agentSubprotocol = 'cotejo.v1';

export const methodNames = ['agent.hello', 'invoice.lookup', 'query.run'] as const;
export type MethodName = (typeof methodNames)[number];

export const databaseKinds = ['sqlite', 'postgres', 'mysql', 'mssql'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

const name = z.string().min(1).max(100);

/** Client → server notification, sent once after each connect. */
export const agentHelloParamsSchema = z.object({
  version: z.string().max(50),
  hostname: z.string().max(255),
  database: z.enum(databaseKinds),
  lookups: z.array(name).max(100),
  queries: z.array(name).max(100).default([]),
});
export type AgentHelloParams = z.infer<typeof agentHelloParamsSchema>;

/** Server → client request: look the invoice up in the local ERP. */
export const invoiceLookupParamsSchema = canonicalInvoiceSchema;
export type InvoiceLookupParams = z.infer<typeof invoiceLookupParamsSchema>;

export const maxLookupRows = 50;
export const invoiceLookupResultSchema = z.object({
  rows: z.array(localRowSchema).max(maxLookupRows),
  lookup: name.optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type InvoiceLookupResult = z.infer<typeof invoiceLookupResultSchema>;

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
