export interface SessionRow {
  id: string;
  user_id: string;
  tenant_id: string;
  tenant_name: string;
  email: string;
  expires_at: Date;
}

export const insertSessionSql = `
  insert into user_sessions (id, user_id, tenant_id, secret_hash, expires_at)
  values ($1::uuid, $2::uuid, $3::uuid, $4::text, now() + $5::int * interval '1 millisecond')
  returning expires_at`;

/** The live session with this secret hash (not ended, not expired). */
export const findSessionSql = `
  select s.id, s.user_id, s.tenant_id, t.name as tenant_name, u.email, s.expires_at
  from user_sessions s
  join users u on u.id = s.user_id
  join tenants t on t.id = s.tenant_id
  where s.secret_hash = $1::text and s.ended_at is null and s.expires_at > now()`;

export const endSessionSql = `
  update user_sessions set ended_at = now()
  where secret_hash = $1::text and ended_at is null`;
