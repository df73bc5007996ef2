import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { authenticateRequest } from '../http/authenticate-request.ts';
import { parseBody } from '../http/parse-body.ts';
import { maxSummaryDays, metricsSummary } from './metrics-summary-service.ts';

export const metricsSummaryPath = '/api/metricas/resumen';

const querySchema = z.object({
  dias: z.coerce.number().int().min(1).max(maxSummaryDays).default(14),
});

/** The dashboard's summary of the caller's tenant: `GET /api/metricas/resumen?dias=14`. */
export function registerMetricsSummaryRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.get(metricsSummaryPath, async (request) => {
    const { tenantId } = await authenticateRequest(deps.db, 'apiToken', request);
    const { dias } = parseBody(querySchema, request.query);
    return metricsSummary(deps.db, tenantId, dias);
  });
}
