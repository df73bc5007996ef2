import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

export interface BulkTenant {
  tenantId: string;
  apiToken: string;
  agentKeys: string[];
}

const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
/** As the server stores secrets: SHA-256, hex (packages/server/src/credentials/secret.ts). */
const hash = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * Creates `tenants` tenants with `keysPerTenant` agent keys and one API token each, straight in
 * SQL (the admin CLI would take minutes for ten thousand keys). The database must be migrated.
 */
export async function createBulkTenants(
  databaseUrl: string,
  tenants: number,
  keysPerTenant: number,
): Promise<BulkTenant[]> {
  const created: BulkTenant[] = Array.from({ length: tenants }, () => ({
    tenantId: randomUUID(),
    apiToken: secret('ct_'),
    agentKeys: Array.from({ length: keysPerTenant }, () => secret('ck_')),
  }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into tenants (id, name)
       select id, 'Bench ' || ordinality from unnest($1::uuid[]) with ordinality as t(id)`,
      [created.map((tenant) => tenant.tenantId)],
    );
    await client.query(
      `insert into api_tokens (id, tenant_id, secret_hash)
       select gen_random_uuid(), tenant_id, secret_hash
       from unnest($1::uuid[], $2::text[]) as t(tenant_id, secret_hash)`,
      [created.map((tenant) => tenant.tenantId), created.map((tenant) => hash(tenant.apiToken))],
    );
    const keys = created.flatMap((tenant) =>
      tenant.agentKeys.map((key) => ({ tenantId: tenant.tenantId, hash: hash(key) })),
    );
    await client.query(
      `insert into agent_keys (id, tenant_id, secret_hash)
       select gen_random_uuid(), tenant_id, secret_hash
       from unnest($1::uuid[], $2::text[]) as t(tenant_id, secret_hash)`,
      [keys.map((key) => key.tenantId), keys.map((key) => key.hash)],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
  return created;
}
