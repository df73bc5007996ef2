import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { authenticateRequest } from '../http/authenticate-request.ts';
import { parseBody } from '../http/parse-body.ts';
import type { LongPollService } from './long-poll-service.ts';

/** The header carrying the long-poll session id (answered by the server, echoed by the client). */
export const sessionHeader = 'cotejo-session';

/** Longest wait a poll may ask for, in seconds (below common proxy idle timeouts of 60 s). */
export const maxWaitSeconds = 30;
/** Most frames in one `POST /api/agent/responses`. */
export const maxResponseBatch = 100;

const pollQuerySchema = z.object({
  wait: z.coerce.number().int().min(0).max(maxWaitSeconds).default(25),
});
const batchSchema = z.array(z.unknown()).min(1).max(maxResponseBatch);

/**
 * The long-poll transport for networks that block WebSockets (Bearer agent key):
 * `GET /api/agent/requests?wait=25` answers a JSON array of `invoice.lookup` requests (empty
 * when none came in time); `POST /api/agent/responses` takes a JSON array of responses (and
 * `agent.hello`) and answers the error frames of those refused.
 */
export function registerLongPollRoutes(
  app: FastifyInstance,
  deps: { db: Db; longPoll: LongPollService; maxFrameBytes: number },
): void {
  const { db, longPoll } = deps;

  app.get('/api/agent/requests', async (request, reply) => {
    const principal = await authenticateRequest(db, 'agentKey', request);
    const { wait } = parseBody(pollQuerySchema, request.query);
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    const answer = await longPoll.poll(principal, {
      sessionId: request.headers[sessionHeader],
      waitMs: wait * 1000,
      remoteAddress: request.ip,
      signal: gone.signal,
    });
    return reply.header(sessionHeader, answer.sessionId).send(answer.requests);
  });

  app.post('/api/agent/responses', { bodyLimit: deps.maxFrameBytes }, async (request, reply) => {
    const principal = await authenticateRequest(db, 'agentKey', request);
    const frames = parseBody(batchSchema, request.body);
    const answer = await longPoll.respond(principal, {
      sessionId: request.headers[sessionHeader],
      frames,
      remoteAddress: request.ip,
    });
    return reply.header(sessionHeader, answer.sessionId).send(answer.errors);
  });
}
