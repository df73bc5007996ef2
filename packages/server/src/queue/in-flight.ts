import type { Queryable } from '../db/db.ts';

/** How many requests each session holds (delivered, unanswered); 0 for sessions holding none. */
export async function inFlightBySession(
  db: Queryable,
  sessionIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map(sessionIds.map((id) => [id, 0]));
  if (sessionIds.length === 0) return counts;
  const rows = await db.query<{ sessionId: string; n: number }>(
    `select agent_session_id as "sessionId", count(*)::int as n
     from validation_requests
     where state = 'delivered' and agent_session_id = any($1::uuid[])
     group by agent_session_id`,
    [[...sessionIds]],
  );
  for (const row of rows) counts.set(row.sessionId, row.n);
  return counts;
}
