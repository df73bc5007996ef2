-- Tenants, credentials, agent sessions, the validation queue and verdicts.

create table tenants (
  id uuid primary key,
  name text not null,
  created_at timestamptz not null default now()
);

-- Agent keys and API tokens: only the SHA-256 hash of the secret is stored.
create table agent_keys (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  secret_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index agent_keys_tenant_idx on agent_keys (tenant_id);

create table api_tokens (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  secret_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index api_tokens_tenant_idx on api_tokens (tenant_id);

-- One row per WebSocket connection of a sync-client (presence and audit).
create table agent_sessions (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  agent_key_id uuid not null references agent_keys (id),
  remote_address text,
  hostname text,
  client_version text,
  database_kind text,
  lookups jsonb not null default '[]'::jsonb,
  connected_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  disconnected_at timestamptz,
  close_code integer,
  close_reason text
);
create index agent_sessions_open_idx on agent_sessions (tenant_id) where disconnected_at is null;

-- The durable queue: one row per validation request.
-- state: queued → delivered → completed | failed (later: expired, redelivery by lease).
create table validation_requests (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  invoice jsonb not null,
  state text not null default 'queued',
  status text not null default 'PENDIENTE',
  attempts integer not null default 0,
  agent_session_id uuid references agent_sessions (id),
  lease_expires_at timestamptz,
  expires_at timestamptz not null,
  error jsonb,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  completed_at timestamptz
);
-- Matches the claim query: where tenant_id = $1 and state = 'queued' order by created_at, id.
create index validation_requests_claim_idx
  on validation_requests (tenant_id, created_at, id) where state = 'queued';
-- For the lease sweeper of a later issue.
create index validation_requests_lease_idx
  on validation_requests (lease_expires_at) where state = 'delivered';

create table verdicts (
  request_id uuid primary key references validation_requests (id),
  tenant_id uuid not null references tenants (id),
  status text not null,
  verdict jsonb not null,
  local_rows jsonb not null,
  lookup text,
  agent_session_id uuid references agent_sessions (id),
  created_at timestamptz not null default now()
);
