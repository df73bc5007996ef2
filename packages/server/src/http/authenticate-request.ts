import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db.ts';
import type { CredentialKind } from '../credentials/credential-kinds.ts';
import { authenticate, type Principal } from '../credentials/credential-service.ts';
import { bearerToken } from '../credentials/secret.ts';
import { checkCsrf } from '../sessions/csrf.ts';
import { readSessionCookie } from '../sessions/session-cookie.ts';
import { resolveSession } from '../sessions/session-service.ts';

/**
 * The principal behind the request: its bearer secret of `kind`, or, for the platform API
 * (`apiToken`) without an `Authorization` header, the web app's session cookie — whose writes
 * must also pass the CSRF check. Throws AppError otherwise.
 */
export async function authenticateRequest(
  db: Db,
  kind: CredentialKind,
  request: FastifyRequest,
): Promise<Principal> {
  const bearer = bearerToken(request.headers.authorization);
  const sessionSecret = readSessionCookie(request.headers.cookie);
  if (kind === 'apiToken' && bearer === null && sessionSecret !== null) {
    const session = await resolveSession(db, sessionSecret);
    checkCsrf(request, sessionSecret);
    return { credentialId: session.sessionId, tenantId: session.usuario.tenantId };
  }
  return authenticate(db, kind, bearer);
}
