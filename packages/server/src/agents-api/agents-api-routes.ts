import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { authenticateRequest } from '../http/authenticate-request.ts';
import { parseBody } from '../http/parse-body.ts';
import type { AgentsApiService } from './agents-api-service.ts';

export const agentsApiPaths = {
  overview: '/api/agentes',
  keys: '/api/agentes/claves',
  key: '/api/agentes/claves/:id',
} as const;

const keyParamsSchema = z.object({ id: z.string().max(100) });

/** Sync-clients (presence) and their keys, scoped to the caller's tenant. */
export function registerAgentsApiRoutes(
  app: FastifyInstance,
  deps: { db: Db; agentsApi: AgentsApiService },
): void {
  const { db, agentsApi } = deps;

  app.get(agentsApiPaths.overview, async (request) => {
    const { tenantId } = await authenticateRequest(db, 'apiToken', request);
    return agentsApi.overview(tenantId);
  });

  app.post(agentsApiPaths.keys, async (request, reply) => {
    const { tenantId } = await authenticateRequest(db, 'apiToken', request);
    reply.header('cache-control', 'no-store');
    return reply.status(201).send(await agentsApi.createKey(tenantId));
  });

  app.delete(agentsApiPaths.key, async (request) => {
    const { tenantId } = await authenticateRequest(db, 'apiToken', request);
    const { id } = parseBody(keyParamsSchema, request.params);
    return agentsApi.revokeKey(tenantId, id);
  });
}
