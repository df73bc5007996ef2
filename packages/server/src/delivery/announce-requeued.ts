import type { EventBus } from '../events/event-bus.ts';
import type { RequeuedRequest } from '../queue/requeue.ts';
import type { RequeueReason } from '../queue/requeue-reasons.ts';

/**
 * Emits what ending some leases did: `validation.requeued` for requests back in the queue,
 * `validation.completed` for those that became final (ERROR after the last attempt, or
 * SIN_CONEXION past the TTL).
 */
export function announceRequeued(
  events: EventBus,
  requests: readonly RequeuedRequest[],
  reason: RequeueReason,
): void {
  for (const { id, tenantId, state, status } of requests) {
    if (state === 'queued') events.emit('validation.requeued', { id, tenantId, reason });
    else events.emit('validation.completed', { id, tenantId, status });
  }
}
