-- People who log in to the web app, their sessions, and login attempts (for rate limiting).

-- One login per email across tenants: the email alone says which tenant a user belongs to.
-- `email` is stored lower-cased; `password_hash` is an argon2id PHC string.
create table users (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  email text not null unique,
  password_hash text not null,
  created_at timestamptz not null default now()
);
create index users_tenant_idx on users (tenant_id);

-- A browser session: the cookie holds a random secret, only its SHA-256 hash is stored.
create table user_sessions (
  id uuid primary key,
  user_id uuid not null references users (id),
  tenant_id uuid not null references tenants (id),
  secret_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz
);
create index user_sessions_user_idx on user_sessions (user_id);

-- Every login attempt; failures in a recent window limit further attempts per email and address.
create table login_attempts (
  id uuid primary key,
  email text not null,
  remote_address text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null
);
create index login_attempts_email_idx on login_attempts (email, attempted_at);
create index login_attempts_address_idx on login_attempts (remote_address, attempted_at);

-- The metrics summary reads one tenant's requests by creation time.
create index validation_requests_tenant_created_idx on validation_requests (tenant_id, created_at);
