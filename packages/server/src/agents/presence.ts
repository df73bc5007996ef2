import type { Queryable } from '../db/db.ts';
import type { AgentTransport } from './agent-transports.ts';

/** One connected sync-client as presence shows it, whichever server instance it talks to. */
export interface AgentPresence {
  sessionId: string;
  hostname: string | null;
  version: string | null;
  database: string | null;
  transport: AgentTransport;
  /** Why it is on long-poll instead of WebSocket, as the sync-client reported it. */
  fallbackReason: string | null;
  instanceId: string | null;
  connectedAt: Date;
  lastSeenAt: Date;
  inFlight: number;
}

/**
 * The tenant's open sessions across every instance (shared presence: the table is the truth;
 * sweeps close the sessions of dead instances and of pollers gone quiet).
 */
export async function listPresence(db: Queryable, tenantId: string): Promise<AgentPresence[]> {
  return db.query<AgentPresence>(
    `select s.id as "sessionId", s.hostname, s.client_version as version,
            s.database_kind as database, s.transport, s.fallback_reason as "fallbackReason",
            s.instance_id as "instanceId", s.connected_at as "connectedAt",
            s.last_seen_at as "lastSeenAt",
            (select count(*) from validation_requests r
             where r.agent_session_id = s.id and r.state = 'delivered')::int as "inFlight"
     from agent_sessions s
     where s.tenant_id = $1::uuid and s.disconnected_at is null
     order by s.connected_at, s.id`,
    [tenantId],
  );
}
