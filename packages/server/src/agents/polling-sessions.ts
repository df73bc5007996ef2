import type { Queryable } from '../db/db.ts';
import { isUuid } from '../ids.ts';
import { pollingTransports, type AgentTransport } from './agent-transports.ts';

/**
 * The open polling session `sessionId` of this agent key and transport, or null (unknown,
 * closed, another key's, another transport's). Marks it seen: a poll is a sign of life.
 */
export async function resumePollingSession(
  db: Queryable,
  session: { sessionId: unknown; agentKeyId: string; transport: AgentTransport },
): Promise<string | null> {
  if (!isUuid(session.sessionId)) return null;
  const [row] = await db.query<{ id: string }>(
    `update agent_sessions set last_seen_at = now()
     where id = $1::uuid and agent_key_id = $2::uuid and transport = $3::text
       and disconnected_at is null
     returning id`,
    [session.sessionId, session.agentKeyId, session.transport],
  );
  return row?.id ?? null;
}

/** The most recent open session of this key on a transport (legacy pollers send no session id). */
export async function resumeSessionOfKey(
  db: Queryable,
  agentKeyId: string,
  transport: AgentTransport,
): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `update agent_sessions set last_seen_at = now()
     where id = (select id from agent_sessions
                 where agent_key_id = $1::uuid and transport = $2::text
                   and disconnected_at is null
                 order by connected_at desc limit 1)
     returning id`,
    [agentKeyId, transport],
  );
  return row?.id ?? null;
}

/**
 * Open sessions with no socket on any live instance that have been quiet for `idleMs`: polling
 * sessions between polls, and rows left by servers without an instance id.
 */
export async function idleSessions(
  db: Queryable,
  idleMs: number,
): Promise<{ id: string; tenantId: string }[]> {
  return db.query(
    `select id, tenant_id as "tenantId" from agent_sessions
     where disconnected_at is null
       and (transport = any($1::text[]) or instance_id is null)
       and last_seen_at < now() - $2::int * interval '1 millisecond'`,
    [[...pollingTransports], idleMs],
  );
}
