import { AppError } from '@cotejo/protocol';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import { checkReadiness } from './readiness.ts';

/**
 * `GET /healthz`: the process answers (liveness; no I/O). `GET /readyz`: it can serve — the
 * database answers and the schema is current; otherwise 503 with what is missing.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.get('/healthz', () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(deps.db);
    if (readiness.ready) return { ok: true, checks: readiness };
    const error = new AppError(
      'UNAVAILABLE',
      readiness.database
        ? 'El servidor no está listo: faltan migraciones de la base de datos; reinícielo para aplicarlas.'
        : 'El servidor no está listo: la base de datos no responde; revise DATABASE_URL y que PostgreSQL esté en marcha.',
    );
    return reply.status(error.httpStatus).send({ error: error.toJSON(), checks: readiness });
  });
}
