import type { Queryable } from '../db/db.ts';

/**
 * Puts the requests a session holds back in the queue (the session closed before answering),
 * so the next connection of the tenant receives them. Returns how many were released.
 */
export async function release(db: Queryable, sessionId: string): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `update validation_requests
     set state = 'queued', agent_session_id = null, lease_expires_at = null
     where agent_session_id = $1::uuid and state = 'delivered'
     returning id`,
    [sessionId],
  );
  return rows.length;
}
