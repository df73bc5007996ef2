import type { ValidationStatus } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import type { RequestState } from './request-states.ts';
import {
  deliveryFailedMessage,
  expiredMessage,
  requeueReasons,
  type RequeueReason,
} from './requeue-reasons.ts';

/** Which delivered requests end their lease. */
export type RequeueTarget =
  | { sessionIds: readonly string[] }
  | { leaseExpired: true }
  | { requestIds: readonly string[]; sessionId: string };

export interface RequeuedRequest {
  id: string;
  tenantId: string;
  /** `queued` again, or final: `failed` (attempts exhausted) or `expired` (past its TTL). */
  state: Extract<RequestState, 'queued' | 'failed' | 'expired'>;
  status: ValidationStatus;
}

function condition(target: RequeueTarget): { sql: string; params: unknown[] } {
  if ('sessionIds' in target) {
    return { sql: 'agent_session_id = any($6::uuid[])', params: [[...target.sessionIds]] };
  }
  if ('leaseExpired' in target) return { sql: 'lease_expires_at <= now()', params: [] };
  return {
    sql: 'id = any($6::uuid[]) and agent_session_id = $7::uuid',
    params: [[...target.requestIds], target.sessionId],
  };
}

/**
 * Ends the lease of delivered requests: each goes back to the queue at once, unless it is past
 * its TTL (expired, SIN_CONEXION) or, when the reason counts against the sync-client, it was
 * already delivered `maxAttempts` times (failed, ERROR with DELIVERY_FAILED and the reason).
 * Rows a concurrent result holds locked are skipped: that result settles them.
 */
export async function requeue(
  db: Queryable,
  target: RequeueTarget,
  reason: RequeueReason,
  maxAttempts: number,
): Promise<RequeuedRequest[]> {
  const where = condition(target);
  const { penalize, message } = requeueReasons[reason];
  return db.query<RequeuedRequest>(
    `with target as (
       select id,
         case when expires_at <= now() then 'expired'
              when $1::boolean and attempts >= $2::int then 'failed'
              else 'queued' end as next_state
       from validation_requests
       where state = 'delivered' and ${where.sql}
       for update skip locked
     )
     update validation_requests r
     set state = t.next_state,
         status = case t.next_state when 'expired' then 'SIN_CONEXION'
                                    when 'failed' then 'ERROR' else r.status end,
         error = case t.next_state when 'expired' then $3::jsonb
                                   when 'failed' then $4::jsonb else null end,
         last_error = $5::jsonb,
         agent_session_id = case t.next_state when 'queued' then null else r.agent_session_id end,
         lease_expires_at = null,
         completed_at = case t.next_state when 'queued' then null else now() end
     from target t
     where r.id = t.id
     returning r.id, r.tenant_id as "tenantId", r.state, r.status`,
    [
      penalize,
      maxAttempts,
      JSON.stringify({ code: 'DEADLINE_EXCEEDED', message: expiredMessage }),
      JSON.stringify({
        code: 'DELIVERY_FAILED',
        message: deliveryFailedMessage(maxAttempts, reason),
      }),
      JSON.stringify({ reason, message }),
      ...where.params,
    ],
  );
}
