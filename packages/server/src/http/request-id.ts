import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** An incoming `X-Request-Id` is kept when it looks like an id; anything else gets a new one. */
const acceptableId = /^[\w.:-]{1,64}$/;

/**
 * Fastify options for request ids: every log line of a request carries `reqId`, taken from the
 * caller's `X-Request-Id` (a proxy's, so lines correlate across hops) or a new UUID.
 */
export const requestIdOptions = {
  genReqId(request: IncomingMessage): string {
    const header = request.headers['x-request-id'];
    return typeof header === 'string' && acceptableId.test(header) ? header : randomUUID();
  },
};

/** Echoes the request id in `X-Request-Id`, so a user can quote it from an error. */
export function echoRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
}
