import { AppError } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { isUuid, newId } from '../ids.ts';
import { findTenantSql, insertTenantSql, listTenantsSql, type TenantRow } from './tenant-sql.ts';

export interface Tenant {
  id: string;
  name: string;
  createdAt: string;
}

const toTenant = (row: TenantRow): Tenant => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
});

export async function createTenant(db: Queryable, name: string): Promise<Tenant> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw new AppError('BAD_REQUEST', 'El nombre del cliente debe tener entre 1 y 200 caracteres.');
  }
  const [row] = await db.query<TenantRow>(insertTenantSql, [newId(), trimmed]);
  if (!row) throw new Error('insert into tenants returned no row');
  return toTenant(row);
}

export async function listTenants(db: Queryable): Promise<Tenant[]> {
  return (await db.query<TenantRow>(listTenantsSql)).map(toTenant);
}

/** The tenant, or NOT_FOUND with a hint to list them. */
export async function requireTenant(db: Queryable, id: string): Promise<Tenant> {
  const [row] = isUuid(id) ? await db.query<TenantRow>(findTenantSql, [id]) : [];
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `No existe el cliente ${id}: consulte los ids con "npm run admin -- tenant list".`,
    );
  }
  return toTenant(row);
}
