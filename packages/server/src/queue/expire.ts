import type { Queryable } from '../db/db.ts';
import type { RequeuedRequest } from './requeue.ts';
import { expiredMessage } from './requeue-reasons.ts';

/**
 * Queued requests past their TTL become `expired` with status SIN_CONEXION (at most `limit` per
 * call; the sweep calls again next time). Delivered ones expire when their lease ends.
 */
export async function expireQueued(db: Queryable, limit = 1000): Promise<RequeuedRequest[]> {
  return db.query<RequeuedRequest>(
    `update validation_requests r
     set state = 'expired', status = 'SIN_CONEXION', error = $1::jsonb, completed_at = now()
     where r.id in (
       select id from validation_requests
       where state = 'queued' and expires_at <= now()
       order by expires_at
       limit $2::int
       for update skip locked
     )
     returning r.id, r.tenant_id as "tenantId", r.state, r.status`,
    [JSON.stringify({ code: 'DEADLINE_EXCEEDED', message: expiredMessage }), limit],
  );
}
