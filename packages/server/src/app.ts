import fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registerAdminRoutes } from './admin/admin-routes.ts';
import { createDbAdminService } from './admin/admin-service.ts';
import { ConnectedAgents } from './agents/connected-agents.ts';
import type { Config } from './config.ts';
import type { Db } from './db/db.ts';
import { createDelivery } from './delivery/delivery.ts';
import { createEventBus, type EventBus } from './events/event-bus.ts';
import { createAgentGateway } from './gateway/agent-gateway.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { createValidationService } from './validations/validation-service.ts';
import { registerValidationRoutes } from './validations/validation-routes.ts';

export type ServerConfig = Pick<
  Config,
  'syncWaitMs' | 'heartbeatIntervalMs' | 'maxFrameBytes' | 'amountTolerance' | 'requestTtlMs'
>;

export interface ServerDeps {
  config: ServerConfig;
  db: Db;
  logger: Logger;
  events?: EventBus;
  /** When set, the loopback admin routes accept this secret (the server owns PGlite). */
  adminSecret?: string;
}

/**
 * The whole server as a Fastify app, not listening: platform API, agent gateway (on the
 * underlying HTTP server's `upgrade`), admin routes. Closing the app closes agent sockets
 * (1012); the caller closes the database.
 */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const { config, db, logger } = deps;
  const events =
    deps.events ??
    createEventBus((error, type) =>
      logger.error({ err: error, event: type }, 'event listener failed'),
    );
  const loggerInstance: FastifyBaseLogger = logger;
  const app: FastifyInstance = fastify({
    loggerInstance,
    bodyLimit: 1024 * 1024,
  });
  installErrorHandler(app);

  const agents = new ConnectedAgents();
  const delivery = createDelivery({ db, agents, events });
  const validations = createValidationService({
    db,
    events,
    delivery,
    syncWaitMs: config.syncWaitMs,
    requestTtlMs: config.requestTtlMs,
    onDeliveryError: (error) => logger.error({ err: error }, 'delivery failed'),
  });
  const gateway = createAgentGateway({
    server: app.server,
    db,
    events,
    delivery,
    agents,
    logger,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    maxFrameBytes: config.maxFrameBytes,
    amountTolerance: config.amountTolerance,
  });
  app.addHook('preClose', () => gateway.stop());

  app.get('/healthz', () => ({ ok: true }));
  registerValidationRoutes(app, { db, validations });
  if (deps.adminSecret !== undefined) {
    registerAdminRoutes(app, { admin: createDbAdminService(db), adminSecret: deps.adminSecret });
  }
  return app;
}

export type App = FastifyInstance;
