import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { createAgentsApiService } from '../agents-api/agents-api-service.ts';
import { registerAgentsApiRoutes } from '../agents-api/agents-api-routes.ts';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { registerMetricsSummaryRoutes } from '../metrics-summary/metrics-summary-routes.ts';
import { registerSessionRoutes } from '../sessions/session-routes.ts';
import { defaultSessionTtlMs } from '../sessions/session-cookie.ts';
import { defaultWebDir, registerWebApp } from './web-app.ts';

export interface WebOptions {
  /** How long a login lasts (default 12 h). */
  sessionTtlMs?: number;
  /** The built web app (default `packages/web/dist`). */
  webDir?: string | undefined;
}

/**
 * What the web app needs beyond the platform API: login sessions, the sync-clients page's
 * API, the dashboard's summary, and the app's own files (registered last: its fallback route
 * serves `index.html` for any other GET outside `/api/`).
 */
export function registerWeb(
  app: FastifyInstance,
  deps: { db: Db; events: EventBus; logger: FastifyBaseLogger; options?: WebOptions },
): void {
  const { db, events, options } = deps;
  registerSessionRoutes(app, { db, sessionTtlMs: options?.sessionTtlMs ?? defaultSessionTtlMs });
  registerAgentsApiRoutes(app, { db, agentsApi: createAgentsApiService({ db, events }) });
  registerMetricsSummaryRoutes(app, { db });
  registerWebApp(app, { webDir: options?.webDir ?? defaultWebDir, logger: deps.logger });
}
