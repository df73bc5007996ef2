export interface TenantRow {
  id: string;
  name: string;
  created_at: Date;
}

export const insertTenantSql = `
  insert into tenants (id, name) values ($1::uuid, $2::text)
  returning id, name, created_at`;

export const listTenantsSql = `select id, name, created_at from tenants order by created_at, id`;

export const findTenantSql = `select id, name, created_at from tenants where id = $1::uuid`;
