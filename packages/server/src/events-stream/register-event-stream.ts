import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { listPresence } from '../agents/presence.ts';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { registerEventStreamRoutes } from './event-stream-routes.ts';
import { createTenantEventHub } from './tenant-event-hub.ts';

/** `GET /api/events` for the browser: documents and sync-client presence, per tenant. */
export function registerEventStream(
  app: FastifyInstance,
  deps: {
    db: Db;
    events: EventBus;
    logger: Logger;
    loadDocument: (tenantId: string, id: string) => Promise<unknown>;
    keepAliveMs?: number;
  },
): void {
  const hub = createTenantEventHub({
    events: deps.events,
    loadDocument: deps.loadDocument,
    loadPresence: (tenantId) => listPresence(deps.db, tenantId),
    maxStreamsPerTenant: 50,
    onError: (error) => deps.logger.error({ err: error }, 'event stream update failed'),
  });
  app.addHook('onClose', (_app, done) => {
    hub.stop();
    done();
  });
  registerEventStreamRoutes(app, { db: deps.db, hub, keepAliveMs: deps.keepAliveMs ?? 15_000 });
}
