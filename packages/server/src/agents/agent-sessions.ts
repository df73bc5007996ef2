import type { AgentHelloParams } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';

/** Records a new connection of a sync-client; returns the session id. */
export async function openSession(
  db: Queryable,
  session: { tenantId: string; agentKeyId: string; remoteAddress: string | undefined },
): Promise<string> {
  const id = newId();
  await db.query(
    `insert into agent_sessions (id, tenant_id, agent_key_id, remote_address)
     values ($1::uuid, $2::uuid, $3::uuid, $4::text)`,
    [id, session.tenantId, session.agentKeyId, session.remoteAddress ?? null],
  );
  return id;
}

/** Stores what the sync-client said about itself in `agent.hello`. */
export async function recordHello(
  db: Queryable,
  sessionId: string,
  hello: AgentHelloParams,
): Promise<void> {
  await db.query(
    `update agent_sessions
     set hostname = $2::text, client_version = $3::text, database_kind = $4::text,
         lookups = $5::jsonb, last_seen_at = now()
     where id = $1::uuid`,
    [sessionId, hello.hostname, hello.version, hello.database, JSON.stringify(hello.lookups)],
  );
}

/** Marks sessions as seen now (one statement for every live socket of a heartbeat sweep). */
export async function touchSessions(db: Queryable, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await db.query(`update agent_sessions set last_seen_at = now() where id = any($1::uuid[])`, [
    sessionIds,
  ]);
}

export async function closeSession(
  db: Queryable,
  sessionId: string,
  close: { code: number; reason: string },
): Promise<void> {
  await db.query(
    `update agent_sessions
     set disconnected_at = now(), close_code = $2::int, close_reason = $3::text
     where id = $1::uuid and disconnected_at is null`,
    [sessionId, close.code, close.reason],
  );
}
