import { invoiceInputSchema } from '@cotejo/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { authenticateRequest } from '../http/authenticate-request.ts';
import { parseBody } from '../http/parse-body.ts';
import type { ValidationService } from './validation-service.ts';

/** One invoice per request; far above any real invoice, far below anything abusive. */
export const validationBodyLimitBytes = 64 * 1024;

const idParamsSchema = z.object({ id: z.string().max(100) });

/** The platform API: authorized by the tenant's API token. */
export function registerValidationRoutes(
  app: FastifyInstance,
  deps: { db: Db; validations: ValidationService },
): void {
  const { db, validations } = deps;

  app.post('/api/validaciones', { bodyLimit: validationBodyLimitBytes }, async (request, reply) => {
    const { tenantId } = await authenticateRequest(db, 'apiToken', request);
    const invoice = parseBody(invoiceInputSchema, request.body);
    const view = await validations.submit(tenantId, invoice);
    return reply.status(view.status === 'PENDIENTE' ? 202 : 200).send(view);
  });

  app.get('/api/validaciones/:id', async (request) => {
    const { tenantId } = await authenticateRequest(db, 'apiToken', request);
    const { id } = parseBody(idParamsSchema, request.params);
    return validations.get(tenantId, id);
  });
}
