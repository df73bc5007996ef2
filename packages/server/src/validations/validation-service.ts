import { AppError, type CanonicalInvoice } from '@cotejo/protocol';
import type { Db } from '../db/db.ts';
import type { Delivery } from '../delivery/delivery.ts';
import type { EventBus } from '../events/event-bus.ts';
import { enqueue } from '../queue/enqueue.ts';
import { findRequest } from '../queue/find-request.ts';
import { toValidationView, type ValidationView } from './validation-view.ts';
import { waitForCompletion } from './wait-for-completion.ts';

export interface ValidationService {
  /** Enqueues, tries to deliver, waits up to `syncWaitMs` and returns the current state. */
  submit(tenantId: string, invoice: CanonicalInvoice): Promise<ValidationView>;
  get(tenantId: string, id: string): Promise<ValidationView>;
}

export function createValidationService(deps: {
  db: Db;
  events: EventBus;
  delivery: Delivery;
  syncWaitMs: number;
  requestTtlMs: number;
  onDeliveryError: (error: unknown) => void;
}): ValidationService {
  const { db, events, delivery } = deps;

  async function get(tenantId: string, id: string): Promise<ValidationView> {
    const row = await findRequest(db, tenantId, id);
    if (!row) {
      throw new AppError(
        'NOT_FOUND',
        `No existe la validación ${id}: verifique el id que devolvió POST /api/validaciones.`,
      );
    }
    return toValidationView(row);
  }

  return {
    get,
    async submit(tenantId, invoice) {
      const id = await enqueue(db, { tenantId, invoice, ttlMs: deps.requestTtlMs });
      events.emit('validation.enqueued', { id, tenantId });
      const wait = waitForCompletion(events, id, deps.syncWaitMs);
      try {
        // A delivery failure leaves the request queued; the caller still gets its id.
        await delivery.deliverPending(tenantId).catch(deps.onDeliveryError);
        await wait.done;
      } finally {
        wait.cancel();
      }
      return get(tenantId, id);
    },
  };
}
