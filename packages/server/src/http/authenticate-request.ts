import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db.ts';
import type { CredentialKind } from '../credentials/credential-kinds.ts';
import { authenticate, type Principal } from '../credentials/credential-service.ts';
import { bearerToken } from '../credentials/secret.ts';

/** The principal behind the request's bearer secret of `kind` (throws AppError otherwise). */
export function authenticateRequest(
  db: Db,
  kind: CredentialKind,
  request: FastifyRequest,
): Promise<Principal> {
  return authenticate(db, kind, bearerToken(request.headers.authorization));
}
