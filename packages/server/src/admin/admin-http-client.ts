import { AppError, isErrorCode } from '@cotejo/protocol';
import type { Tenant } from '../tenants/tenant-service.ts';
import { adminPaths } from './admin-routes.ts';
import type { AdminService } from './admin-service.ts';

/** `AdminService` through a running server's loopback admin routes. */
export function createHttpAdminService(baseUrl: string, adminSecret: string): AdminService {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${adminSecret}`,
          ...(body && { 'content-type': 'application/json' }),
        },
        ...(body && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new AppError(
        'INTERNAL',
        `No se pudo contactar al servidor en ${baseUrl}. Si no está corriendo, borre server.json de DATA_DIR y reintente.`,
        { cause: error },
      );
    }
    const payload = (await response.json().catch(() => null)) as {
      error?: { code?: unknown; message?: unknown };
    } | null;
    if (!response.ok) {
      const code = payload?.error?.code;
      throw new AppError(
        isErrorCode(code) ? code : 'INTERNAL',
        typeof payload?.error?.message === 'string'
          ? payload.error.message
          : `El servidor respondió ${response.status}.`,
      );
    }
    return payload as T;
  }

  return {
    createTenant: (name) => call<Tenant>('POST', adminPaths.tenants, { name }),
    listTenants: async () => (await call<{ tenants: Tenant[] }>('GET', adminPaths.tenants)).tenants,
    createAgentKey: (tenantId) => call('POST', adminPaths.agentKeys, { tenantId }),
    createApiToken: (tenantId) => call('POST', adminPaths.apiTokens, { tenantId }),
    revokeAgentKey: (id) => call('POST', adminPaths.agentKeysRevoke, { id }),
    revokeApiToken: (id) => call('POST', adminPaths.apiTokensRevoke, { id }),
    createUser: (tenantId, email, password) =>
      call('POST', adminPaths.users, { tenantId, email, password }),
  };
}
