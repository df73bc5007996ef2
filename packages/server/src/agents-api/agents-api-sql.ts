export interface ConnectedClientRow {
  id: string;
  agent_key_id: string;
  hostname: string | null;
  client_version: string | null;
  database_kind: string | null;
  transport: string;
  fallback_reason: string | null;
  remote_address: string | null;
  connected_at: Date;
  last_seen_at: Date;
  disconnected_at: Date | null;
  close_reason: string | null;
  in_flight: number;
  latency_p50_ms: number | null;
}

/**
 * The tenant's open sessions, then those closed in the last day (newest first), each with its
 * requests in flight and the median delivery-to-answer time of its last hour.
 */
export const listClientsSql = `
  select s.id, s.agent_key_id, s.hostname, s.client_version, s.database_kind, s.transport,
         s.fallback_reason, s.remote_address, s.connected_at, s.last_seen_at, s.disconnected_at,
         s.close_reason,
         (select count(*) from validation_requests r
           where r.agent_session_id = s.id and r.state = 'delivered')::int as in_flight,
         (select round(percentile_cont(0.5) within group (
                   order by extract(epoch from r.completed_at - r.delivered_at) * 1000))::int
           from validation_requests r
           where r.agent_session_id = s.id and r.completed_at > now() - interval '1 hour'
             and r.delivered_at is not null) as latency_p50_ms
  from agent_sessions s
  where s.tenant_id = $1::uuid
    and (s.disconnected_at is null or s.disconnected_at > now() - interval '1 day')
  order by (s.disconnected_at is null) desc, coalesce(s.disconnected_at, s.connected_at) desc
  limit 50`;

export interface AgentKeyRow {
  id: string;
  created_at: Date;
  revoked_at: Date | null;
  connected: boolean;
}

export const listKeysSql = `
  select k.id, k.created_at, k.revoked_at,
         exists (select 1 from agent_sessions s
                 where s.agent_key_id = k.id and s.disconnected_at is null) as connected
  from agent_keys k
  where k.tenant_id = $1::uuid
  order by (k.revoked_at is null) desc, k.created_at desc
  limit 200`;

/** Revokes one of the tenant's keys; returns it with its open sessions. */
export const revokeKeySql = `
  update agent_keys set revoked_at = coalesce(revoked_at, now())
  where id = $1::uuid and tenant_id = $2::uuid
  returning id,
    array(select s.id::text from agent_sessions s
          where s.agent_key_id = $1::uuid and s.disconnected_at is null) as session_ids`;
