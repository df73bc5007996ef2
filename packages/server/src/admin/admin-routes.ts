import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@cotejo/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bearerToken, hashSecret } from '../credentials/secret.ts';
import { parseBody } from '../http/parse-body.ts';
import type { AdminService } from './admin-service.ts';

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const nameSchema = z.object({ name: z.string().min(1).max(200) });
const tenantSchema = z.object({ tenantId: z.string().min(1).max(100) });
const idSchema = z.object({ id: z.string().min(1).max(200) });
const userSchema = z.object({
  tenantId: z.string().min(1).max(100),
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
});

/** Admin paths, shared by these routes and the CLI's HTTP client. */
export const adminPaths = {
  tenants: '/api/admin/tenants',
  agentKeys: '/api/admin/agent-keys',
  agentKeysRevoke: '/api/admin/agent-keys/revoke',
  apiTokens: '/api/admin/api-tokens',
  apiTokensRevoke: '/api/admin/api-tokens/revoke',
  users: '/api/admin/users',
} as const;

/**
 * Loopback-only admin routes for the CLI while this server owns the embedded database,
 * authorized by the random secret the server wrote to `DATA_DIR/admin.secret`.
 */
export function registerAdminRoutes(
  app: FastifyInstance,
  deps: { admin: AdminService; adminSecret: string },
): void {
  const { admin } = deps;
  const expected = Buffer.from(hashSecret(deps.adminSecret));

  function authorize(request: FastifyRequest): void {
    if (!loopbackAddresses.has(request.socket.remoteAddress ?? '')) {
      throw new AppError('FORBIDDEN', 'La administración solo se acepta desde la misma máquina.');
    }
    const given = Buffer.from(hashSecret(bearerToken(request.headers.authorization) ?? ''));
    if (!timingSafeEqual(given, expected)) {
      throw new AppError(
        'UNAUTHORIZED',
        'Secreto de administración inválido: use el CLI ("npm run admin") en la máquina del servidor.',
      );
    }
  }

  app.register((scoped, _options, done) => {
    scoped.addHook('onRequest', (request, _reply, next) => {
      authorize(request);
      next();
    });
    scoped.post(adminPaths.tenants, (request) =>
      admin.createTenant(parseBody(nameSchema, request.body).name),
    );
    scoped.get(adminPaths.tenants, async () => ({ tenants: await admin.listTenants() }));
    scoped.post(adminPaths.agentKeys, (request) =>
      admin.createAgentKey(parseBody(tenantSchema, request.body).tenantId),
    );
    scoped.post(adminPaths.agentKeysRevoke, (request) =>
      admin.revokeAgentKey(parseBody(idSchema, request.body).id),
    );
    scoped.post(adminPaths.apiTokens, (request) =>
      admin.createApiToken(parseBody(tenantSchema, request.body).tenantId),
    );
    scoped.post(adminPaths.apiTokensRevoke, (request) =>
      admin.revokeApiToken(parseBody(idSchema, request.body).id),
    );
    scoped.post(adminPaths.users, (request) => {
      const { tenantId, email, password } = parseBody(userSchema, request.body);
      return admin.createUser(tenantId, email, password);
    });
    done();
  });
}
