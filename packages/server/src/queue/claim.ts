import type { CanonicalInvoice } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { deadlineShareOfLease } from './request-states.ts';

export interface ClaimedRequest {
  id: string;
  /** The session the request is now leased to. */
  sessionId: string;
  invoice: CanonicalInvoice;
  attempts: number;
  /** Milliseconds the sync-client has to answer; past them it skips the request. */
  deadlineMs: number;
  createdAt: Date;
}

/**
 * Claims queued, unexpired requests of a tenant, oldest first, one per entry of `plan` (session
 * ids, in the order they should receive), each with a lease of `leaseMs`. `for update skip
 * locked` lets concurrent claimers (sessions, instances) each take different rows;
 * `validation_requests_claim_idx` matches the where and order by. The deadline sent along is
 * part of the lease and never beyond the request's TTL.
 */
export async function claim(
  db: Queryable,
  request: { tenantId: string; plan: readonly string[]; leaseMs: number },
): Promise<ClaimedRequest[]> {
  if (request.plan.length === 0) return [];
  return db.query<ClaimedRequest>(
    `with next as (
       select id, row_number() over (order by created_at, id) as n
       from (
         select id, created_at from validation_requests
         where tenant_id = $1::uuid and state = 'queued' and expires_at > now()
         order by created_at, id
         limit $3::int
         for update skip locked
       ) oldest
     ), plan as (
       select session_id, n from unnest($2::uuid[]) with ordinality as p(session_id, n)
     ), claimed as (
       update validation_requests r
       set state = 'delivered',
           attempts = r.attempts + 1,
           agent_session_id = plan.session_id,
           delivered_at = now(),
           lease_expires_at = now() + $4::int * interval '1 millisecond'
       from next join plan using (n)
       where r.id = next.id
       returning r.id, r.agent_session_id, r.invoice, r.attempts, r.created_at,
         greatest(0, least($5::int,
           floor(extract(epoch from (r.expires_at - now())) * 1000)))::int as deadline_ms
     )
     select id, agent_session_id as "sessionId", invoice, attempts, deadline_ms as "deadlineMs",
            created_at as "createdAt"
     from claimed order by created_at, id`,
    [
      request.tenantId,
      [...request.plan],
      request.plan.length,
      request.leaseMs,
      Math.floor(request.leaseMs * deadlineShareOfLease),
    ],
  );
}
