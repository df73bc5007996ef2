import type { FastifyInstance } from 'fastify';
import { openSession } from '../agents/agent-sessions.ts';
import { resumeSessionOfKey } from '../agents/polling-sessions.ts';
import type { Principal } from '../credentials/credential-service.ts';
import type { Db } from '../db/db.ts';
import { receiveResponse, type ResponseDeps } from '../delivery/receive-response.ts';
import { authenticateRequest } from '../http/authenticate-request.ts';
import { parseBody } from '../http/parse-body.ts';
import { claim } from '../queue/claim.ts';
import { inFlightBySession } from '../queue/in-flight.ts';
import { legacyInvoiceData, legacyQueryResponseSchema } from './legacy-messages.ts';
import { legacyResponse } from './legacy-result.ts';

/** Most queries one `GET /api/sync/pending-queries` hands out (the first design's limit). */
export const legacyPollBatch = 10;

export interface LegacyPollDeps extends ResponseDeps {
  db: Db;
  leaseMs: number;
  maxInFlightPerAgent: number;
  maxFrameBytes: number;
}

/**
 * The first design's polling endpoints (Bearer agent key). The poller's session is the open
 * `legacy-poll` session of its key (it sends no session id); its claims carry the same leases.
 */
export function registerLegacyPollRoutes(app: FastifyInstance, deps: LegacyPollDeps): void {
  const { db } = deps;

  async function sessionOf(principal: Principal, remoteAddress: string): Promise<string> {
    return (
      (await resumeSessionOfKey(db, principal.credentialId, 'legacy-poll')) ??
      openSession(db, {
        tenantId: principal.tenantId,
        agentKeyId: principal.credentialId,
        remoteAddress,
        transport: 'legacy-poll',
        instanceId: null,
      })
    );
  }

  app.get('/api/sync/pending-queries', async (request) => {
    const principal = await authenticateRequest(db, 'agentKey', request);
    const sessionId = await sessionOf(principal, request.ip);
    const inFlight = (await inFlightBySession(db, [sessionId])).get(sessionId) ?? 0;
    const room = Math.min(legacyPollBatch, deps.maxInFlightPerAgent - inFlight);
    const claimed = await claim(db, {
      tenantId: principal.tenantId,
      plan: Array.from({ length: Math.max(0, room) }, () => sessionId),
      leaseMs: deps.leaseMs,
    });
    for (const { id } of claimed) {
      deps.events.emit('validation.delivered', { id, tenantId: principal.tenantId, sessionId });
    }
    return {
      success: true,
      queries: claimed.map((query) => ({
        id: query.id,
        type: 'VALIDATE_INVOICE',
        data: legacyInvoiceData(query.invoice),
        status: 'PROCESSING',
        createdAt: query.createdAt.toISOString(),
      })),
    };
  });

  app.post('/api/sync/query-response', { bodyLimit: deps.maxFrameBytes }, async (request) => {
    const principal = await authenticateRequest(db, 'agentKey', request);
    const body = parseBody(legacyQueryResponseSchema, request.body);
    const sessionId = await sessionOf(principal, request.ip);
    const acceptance = await receiveResponse(
      deps,
      { tenantId: principal.tenantId, sessionId },
      legacyResponse(body.queryId, body),
    );
    if (acceptance.kind === 'unknown') throw acceptance.error;
    return { success: true, duplicate: acceptance.kind === 'duplicate' };
  });
}
