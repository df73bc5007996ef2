import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import { authenticateRequest } from '../http/authenticate-request.ts';
import { formatSse } from './stream-event.ts';
import type { TenantEventHub } from './tenant-event-hub.ts';

/**
 * `GET /api/events`: server-sent events for the caller's tenant — `agentes` (presence, first a
 * snapshot) and `documento` (a document's new state or verdict). A comment line every
 * `keepAliveMs` keeps proxies from closing an idle stream. Nothing is replayed on reconnect:
 * a client that reconnects reloads the list.
 */
export function registerEventStreamRoutes(
  app: FastifyInstance,
  deps: { db: Db; hub: TenantEventHub; keepAliveMs: number },
): void {
  const open = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const close of [...open]) close();
    done();
  });

  app.get('/api/events', async (request, reply) => {
    const { tenantId } = await authenticateRequest(deps.db, 'apiToken', request);
    let sequence = 0;
    const write = (chunk: string) => {
      if (!reply.raw.writableEnded) reply.raw.write(chunk);
    };
    // Subscribing may refuse (too many streams) and must precede the headers; both happen in
    // this same tick, so no event can be written before the headers.
    const unsubscribe = deps.hub.subscribe(tenantId, {
      send: (event) => write(formatSse(event, ++sequence)),
    });
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const keepAlive = setInterval(() => write(': ping\n\n'), deps.keepAliveMs);
    const close = () => {
      clearInterval(keepAlive);
      unsubscribe();
      open.delete(close);
      reply.raw.end();
    };
    open.add(close);
    request.raw.once('close', close);
    write('retry: 3000\n\n');
    try {
      write(formatSse(await deps.hub.snapshot(tenantId), ++sequence));
    } catch (error) {
      request.log.error({ err: error, reqId: request.id }, 'event stream snapshot failed');
      close();
    }
  });
}
