import { hostname } from 'node:os';
import type { Queryable } from '../db/db.ts';

/** This server process as the other instances see it (`server_instances`). */
export interface ServerInstance {
  readonly id: string;
  /** The advisory lock key its PostgreSQL listener holds while the process lives. */
  readonly lockKey: number;
}

/** The advisory lock namespace (first key of `pg_advisory_lock(int, int)`) of instance locks. */
export const instanceLockNamespace = 7_231_002;

/** Records this process under `id` (chosen when the server is built). */
export async function registerInstance(db: Queryable, id: string): Promise<ServerInstance> {
  const [row] = await db.query<{ lockKey: number }>(
    `insert into server_instances (id, hostname, pid) values ($1::uuid, $2::text, $3::int)
     returning lock_key as "lockKey"`,
    [id, hostname().slice(0, 255), process.pid],
  );
  if (!row) throw new Error('server instance not registered');
  return { id, lockKey: row.lockKey };
}

export async function touchInstance(db: Queryable, instanceId: string): Promise<void> {
  await db.query('update server_instances set last_seen_at = now() where id = $1::uuid', [
    instanceId,
  ]);
}

export async function markInstancesStopped(
  db: Queryable,
  instanceIds: readonly string[],
): Promise<void> {
  if (instanceIds.length === 0) return;
  await db.query(
    `update server_instances set stopped_at = now()
     where id = any($1::uuid[]) and stopped_at is null`,
    [[...instanceIds]],
  );
}
