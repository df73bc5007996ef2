import type { RpcResponse } from '@cotejo/protocol';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { isUuid } from '../ids.ts';
import { findRequest } from '../queue/find-request.ts';
import { requeue } from '../queue/requeue.ts';
import {
  recordResult,
  unknownRequestError,
  type ResultAcceptance,
} from '../validations/record-result.ts';
import { announceRequeued } from './announce-requeued.ts';

export type ResponseAcceptance =
  | ResultAcceptance
  /** The client skipped the request past its deadline; it went back to the queue. */
  | { kind: 'skipped' };

export interface ResponseDeps {
  db: Db;
  events: EventBus;
  amountTolerance: string;
  maxAttempts: number;
}

/**
 * Takes one JSON-RPC response from a sync-client session, whatever the transport. A
 * `DEADLINE_EXCEEDED` error means "skipped, not run": the request returns to the queue if this
 * session still holds it, and is never stored as the verdict. Anything else is a result.
 */
export async function receiveResponse(
  deps: ResponseDeps,
  from: { tenantId: string; sessionId: string },
  response: RpcResponse,
): Promise<ResponseAcceptance> {
  if (!('error' in response) || response.error.data?.code !== 'DEADLINE_EXCEEDED') {
    return recordResult(deps, from, response);
  }
  if (isUuid(response.id)) {
    const returned = await requeue(
      deps.db,
      { requestIds: [response.id], sessionId: from.sessionId },
      'skippedPastDeadline',
      deps.maxAttempts,
    );
    announceRequeued(deps.events, returned, 'skippedPastDeadline');
    if (returned.length > 0) return { kind: 'skipped' };
  }
  const known = await findRequest(deps.db, from.tenantId, response.id);
  if (known) return { kind: 'duplicate' };
  return { kind: 'unknown', error: unknownRequestError(response.id) };
}
