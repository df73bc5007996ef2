import fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registerAdminRoutes } from './admin/admin-routes.ts';
import { createDbAdminService } from './admin/admin-service.ts';
import type { Config } from './config.ts';
import type { Db } from './db/db.ts';
import { registerDocuments, type DocumentsOptions } from './documents/register-documents.ts';
import { createEventBus, type EventBus } from './events/event-bus.ts';
import { registerEventStream } from './events-stream/register-event-stream.ts';
import {
  registerAgentTransports,
  type AgentTransportsConfig,
} from './gateway/register-agent-transports.ts';
import { registerHealthRoutes } from './health/health-routes.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { echoRequestId, requestIdOptions } from './http/request-id.ts';
import { redactUrl } from './legacy/redact-url.ts';
import { registerMetricsRoutes } from './metrics/metrics-routes.ts';
import { createServerMetrics } from './metrics/server-metrics.ts';
import { createValidationService } from './validations/validation-service.ts';
import { registerValidationRoutes } from './validations/validation-routes.ts';
import { registerWeb, type WebOptions } from './web/register-web.ts';

export type ServerConfig = Pick<
  Config,
  'syncWaitMs' | 'heartbeatIntervalMs' | 'maxFrameBytes' | 'amountTolerance' | 'requestTtlMs'
> &
  AgentTransportsConfig;

export interface ServerDeps {
  config: ServerConfig;
  db: Db;
  logger: Logger;
  events?: EventBus;
  /** When set, the loopback admin routes accept this secret (the server owns PGlite). */
  adminSecret?: string;
  /** PostgreSQL's URL: instances share work and presence over LISTEN/NOTIFY. Unset on PGlite. */
  databaseUrl?: string | undefined;
  /** The web app: session lifetime and where its build is. */
  web?: WebOptions;
  /** Uploaded documents: file store, extractor and limits (defaults: memory store, worker pool). */
  documents?: DocumentsOptions;
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
  // A legacy client's key may arrive in a query string: no log line carries it.
  const loggerInstance: FastifyBaseLogger = logger.child(
    {},
    {
      serializers: {
        req: (request: { method?: string; url?: string; ip?: string }) => ({
          method: request.method,
          url: redactUrl(request.url ?? ''),
          remoteAddress: request.ip,
        }),
      },
    },
  );
  const app: FastifyInstance = fastify({
    loggerInstance,
    bodyLimit: 1024 * 1024,
    ...requestIdOptions,
  });
  installErrorHandler(app);
  echoRequestId(app);

  const { delivery } = registerAgentTransports(app, {
    db,
    events,
    logger,
    config,
    databaseUrl: deps.databaseUrl,
  });
  const validations = createValidationService({
    db,
    events,
    delivery,
    syncWaitMs: config.syncWaitMs,
    requestTtlMs: config.requestTtlMs,
    onDeliveryError: (error) => logger.error({ err: error }, 'delivery failed'),
  });

  registerHealthRoutes(app, { db });
  registerMetricsRoutes(app, createServerMetrics({ db, events }));
  registerValidationRoutes(app, { db, validations });
  const documents = registerDocuments(app, {
    db,
    events,
    logger,
    validations,
    ...(deps.documents && { options: deps.documents }),
  });
  registerEventStream(app, {
    db,
    events,
    logger,
    loadDocument: (tenantId, id) => documents.get(tenantId, id),
  });
  if (deps.adminSecret !== undefined) {
    registerAdminRoutes(app, { admin: createDbAdminService(db), adminSecret: deps.adminSecret });
  }
  registerWeb(app, { db, events, logger, ...(deps.web && { options: deps.web }) });
  return app;
}

export type App = FastifyInstance;
