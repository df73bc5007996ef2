export interface UserRow {
  id: string;
  tenant_id: string;
  tenant_name: string;
  email: string;
  password_hash: string;
}

export const insertUserSql = `
  insert into users (id, tenant_id, email, password_hash)
  values ($1::uuid, $2::uuid, $3::text, $4::text)
  on conflict (email) do nothing
  returning id`;

export const findUserByEmailSql = `
  select u.id, u.tenant_id, t.name as tenant_name, u.email, u.password_hash
  from users u join tenants t on t.id = u.tenant_id
  where u.email = $1::text`;
