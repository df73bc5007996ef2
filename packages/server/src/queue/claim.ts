import type { CanonicalInvoice } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { defaultLeaseMs } from './request-states.ts';

export interface ClaimedRequest {
  id: string;
  invoice: CanonicalInvoice;
  attempts: number;
}

/**
 * Claims up to `limit` queued, unexpired requests of a tenant for one agent session, oldest
 * first, with a lease. `for update skip locked` lets concurrent claimers (sessions, instances)
 * each take different rows; `validation_requests_claim_idx` matches the where and order by.
 */
export async function claim(
  db: Queryable,
  request: { tenantId: string; sessionId: string; limit: number; leaseMs?: number },
): Promise<ClaimedRequest[]> {
  return db.query<ClaimedRequest>(
    `with next as (
       select id from validation_requests
       where tenant_id = $1::uuid and state = 'queued' and expires_at > now()
       order by created_at, id
       limit $3::int
       for update skip locked
     )
     update validation_requests r
     set state = 'delivered',
         attempts = r.attempts + 1,
         agent_session_id = $2::uuid,
         delivered_at = now(),
         lease_expires_at = now() + $4::int * interval '1 millisecond'
     from next
     where r.id = next.id
     returning r.id, r.invoice, r.attempts`,
    [request.tenantId, request.sessionId, request.limit, request.leaseMs ?? defaultLeaseMs],
  );
}
