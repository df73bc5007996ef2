/**
 * States of a validation request in the queue, defined once.
 * queued → delivered (claimed by a sync-client session, with a lease) → completed | failed,
 * and back to queued when the lease ends without a result (connection closed, lease expired,
 * the client skipped it past its deadline); failed after `maxAttempts` deliveries;
 * expired (status SIN_CONEXION) when `REQUEST_TTL` passes without a result.
 */
export const requestStates = ['queued', 'delivered', 'completed', 'failed', 'expired'] as const;
export type RequestState = (typeof requestStates)[number];

/** States in which a result is still accepted. */
export const openStates: readonly RequestState[] = ['queued', 'delivered'];

/** Share of the lease a sync-client gets as its deadline, so its answer beats the lease expiry. */
export const deadlineShareOfLease = 0.8;
