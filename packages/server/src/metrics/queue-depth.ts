import type { Queryable } from '../db/db.ts';

export interface QueueDepth {
  queued: number;
  delivered: number;
  /** Age in seconds of the oldest request still waiting for a verdict; 0 when none. */
  oldestPendingSeconds: number;
}

type StateRow = { count: number; oldestSeconds: number };

// One statement per state, each served by that state's partial index, so a scrape costs the
// same with a million completed rows.
const queuedSql = `select count(*)::int as count,
    coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as "oldestSeconds"
  from validation_requests where state = 'queued'`;
const deliveredSql = `select count(*)::int as count,
    coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as "oldestSeconds"
  from validation_requests where state = 'delivered'`;

/** The queue as the database sees it (shared by every instance). */
export async function readQueueDepth(db: Queryable): Promise<QueueDepth> {
  const [[queued], [delivered]] = await Promise.all([
    db.query<StateRow>(queuedSql),
    db.query<StateRow>(deliveredSql),
  ]);
  return {
    queued: queued?.count ?? 0,
    delivered: delivered?.count ?? 0,
    oldestPendingSeconds: Math.max(queued?.oldestSeconds ?? 0, delivered?.oldestSeconds ?? 0),
  };
}
