import type { Db } from '../db/db.ts';
import { issueCredential, revokeCredential } from '../credentials/credential-service.ts';
import { createTenant, listTenants, type Tenant } from '../tenants/tenant-service.ts';
import { createUser } from '../users/user-service.ts';

/**
 * What an operator can do: tenants and their secrets. Implemented over the database (server,
 * CLI on PostgreSQL, CLI on an idle PGlite) and over the running server's loopback admin routes
 * (CLI while the server owns PGlite). Secrets are returned once and never stored.
 */
export interface AdminService {
  createTenant(name: string): Promise<Tenant>;
  listTenants(): Promise<Tenant[]>;
  createAgentKey(tenantId: string): Promise<{ id: string; key: string }>;
  createApiToken(tenantId: string): Promise<{ id: string; token: string }>;
  /** By key id or by the key itself. */
  revokeAgentKey(keyIdOrKey: string): Promise<{ id: string }>;
  /** By token id or by the token itself. */
  revokeApiToken(tokenIdOrToken: string): Promise<{ id: string }>;
  /** A person who logs in to the web app of the tenant (argon2id hash stored). */
  createUser(
    tenantId: string,
    email: string,
    password: string,
  ): Promise<{ id: string; email: string }>;
}

export function createDbAdminService(db: Db): AdminService {
  return {
    createTenant: (name) => createTenant(db, name),
    listTenants: () => listTenants(db),
    async createAgentKey(tenantId) {
      const { id, secret } = await issueCredential(db, 'agentKey', tenantId);
      return { id, key: secret };
    },
    async createApiToken(tenantId) {
      const { id, secret } = await issueCredential(db, 'apiToken', tenantId);
      return { id, token: secret };
    },
    async revokeAgentKey(keyIdOrKey) {
      return { id: (await revokeCredential(db, 'agentKey', keyIdOrKey)).id };
    },
    async revokeApiToken(tokenIdOrToken) {
      return { id: (await revokeCredential(db, 'apiToken', tokenIdOrToken)).id };
    },
    createUser: (tenantId, email, password) => createUser(db, { tenantId, email, password }),
  };
}
