-- Delivery guarantees: attempts, transports, server instances (scale-out).

-- Why the last attempt ended without a result (the reason of the ERROR after the last attempt).
alter table validation_requests add column last_error jsonb;

-- How a session talks to the server and, for long-poll, why it is not on WebSocket.
-- transport: websocket | long-poll | legacy-ws | legacy-poll
alter table agent_sessions add column transport text not null default 'websocket';
alter table agent_sessions add column fallback_reason text;
-- The server instance holding the socket; null for polling sessions (any instance serves them).
alter table agent_sessions add column instance_id uuid;

-- One row per server process. `lock_key` is the advisory lock its listener connection holds
-- while it lives, so the others know at once when it died.
create sequence server_instance_lock_keys as integer cycle;
create table server_instances (
  id uuid primary key,
  lock_key integer not null default nextval('server_instance_lock_keys'),
  hostname text,
  pid integer,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  stopped_at timestamptz
);
create index server_instances_live_idx on server_instances (last_seen_at) where stopped_at is null;

create index agent_sessions_instance_idx
  on agent_sessions (instance_id) where disconnected_at is null;

-- In-flight requests per session (least in-flight, release on close).
create index validation_requests_session_idx
  on validation_requests (agent_session_id) where state = 'delivered';
-- Queued requests past their TTL (the expiry sweep).
create index validation_requests_expiry_idx
  on validation_requests (expires_at) where state = 'queued';
