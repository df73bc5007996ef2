import type { AgentHelloParams } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';
import type { AgentTransport } from './agent-transports.ts';

/** Records a new connection of a sync-client; returns the session id. */
export async function openSession(
  db: Queryable,
  session: {
    tenantId: string;
    agentKeyId: string;
    remoteAddress: string | undefined;
    transport: AgentTransport;
    /** The instance holding its socket; null for polling sessions. */
    instanceId: string | null;
  },
): Promise<string> {
  const id = newId();
  await db.query(
    `insert into agent_sessions (id, tenant_id, agent_key_id, remote_address, transport,
                                 instance_id)
     values ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::uuid)`,
    [
      id,
      session.tenantId,
      session.agentKeyId,
      session.remoteAddress ?? null,
      session.transport,
      session.instanceId,
    ],
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
         lookups = $5::jsonb, fallback_reason = $6::text, last_seen_at = now()
     where id = $1::uuid`,
    [
      sessionId,
      hello.hostname,
      hello.version,
      hello.database,
      JSON.stringify(hello.lookups),
      hello.fallbackReason ?? null,
    ],
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
  await closeSessions(db, [sessionId], close);
}

export async function closeSessions(
  db: Queryable,
  sessionIds: readonly string[],
  close: { code: number; reason: string },
): Promise<void> {
  if (sessionIds.length === 0) return;
  await db.query(
    `update agent_sessions
     set disconnected_at = now(), close_code = $2::int, close_reason = $3::text
     where id = any($1::uuid[]) and disconnected_at is null`,
    [sessionIds, close.code, close.reason],
  );
}
