import type { FastifyInstance } from 'fastify';
import type { ServerMetrics } from './server-metrics.ts';

/**
 * `GET /metrics`: Prometheus text format. Counts only, no tenant ids or secrets in labels; put
 * it behind the network's scrape path like `/healthz` and `/readyz`.
 */
export function registerMetricsRoutes(app: FastifyInstance, metrics: ServerMetrics): void {
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.render()),
  );
  app.addHook('onClose', () => metrics.stop());
}
