import type { Queryable } from '../db/db.ts';
import { instanceLockNamespace } from './server-instance.ts';

/** Tells which other registered instances are dead. */
export interface InstanceLiveness {
  deadInstances(db: Queryable, selfId: string): Promise<string[]>;
}

/**
 * PostgreSQL: an instance is dead when the advisory lock its listener connection held is gone
 * (the connection died with the process) and it has not touched its row for `staleMs` (so a
 * listener that is only reconnecting is not taken for dead).
 */
export function advisoryLockLiveness(staleMs: number): InstanceLiveness {
  return {
    async deadInstances(db, selfId) {
      const rows = await db.query<{ id: string }>(
        `select i.id from server_instances i
         where i.stopped_at is null and i.id <> $1::uuid
           and i.last_seen_at < now() - $3::int * interval '1 millisecond'
           and not exists (
             select 1 from pg_locks l
             where l.locktype = 'advisory' and l.granted and l.objsubid = 2
               and l.classid = $2::int::oid and l.objid = i.lock_key::oid
               and l.database = (select oid from pg_database where datname = current_database()))`,
        [selfId, instanceLockNamespace, staleMs],
      );
      return rows.map((row) => row.id);
    },
  };
}

/** PGlite: one process owns the data dir (the lock file), so every other instance is dead. */
export const singleProcessLiveness: InstanceLiveness = {
  async deadInstances(db, selfId) {
    const rows = await db.query<{ id: string }>(
      'select id from server_instances where stopped_at is null and id <> $1::uuid',
      [selfId],
    );
    return rows.map((row) => row.id);
  },
};
