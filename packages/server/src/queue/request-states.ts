/**
 * States of a validation request in the queue, defined once.
 * queued → delivered (claimed by a sync-client session, with a lease) → completed | failed.
 * `expired` is reserved for the TTL sweeper of a later issue (status SIN_CONEXION).
 */
export const requestStates = ['queued', 'delivered', 'completed', 'failed', 'expired'] as const;
export type RequestState = (typeof requestStates)[number];

/** States in which a result is still accepted. */
export const openStates: readonly RequestState[] = ['queued', 'delivered'];

/** How long a claimed request stays with one session before a later sweeper may redeliver it. */
export const defaultLeaseMs = 60_000;
