import { AppError } from '@cotejo/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { parseBody } from '../http/parse-body.ts';
import { maxPasswordLength } from '../users/password.ts';
import { maxEmailLength, normalizeEmail } from '../users/user-service.ts';
import { checkCsrf, checkSameOrigin } from './csrf.ts';
import { loginRetryAfterSeconds } from './login-limits.ts';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from './session-cookie.ts';
import { endSession, login, resolveSession } from './session-service.ts';

export const sessionPath = '/api/sesion';

const loginSchema = z.object({
  email: z.string().min(1).max(maxEmailLength),
  password: z.string().min(1).max(maxPasswordLength),
});

const isHttps = (request: FastifyRequest) => request.protocol === 'https';

/** Web app login (`POST`), current session (`GET`) and logout (`DELETE`) on `/api/sesion`. */
export function registerSessionRoutes(
  app: FastifyInstance,
  deps: { db: Db; sessionTtlMs: number },
): void {
  const { db } = deps;

  app.post(sessionPath, { bodyLimit: 4096 }, async (request, reply) => {
    checkSameOrigin(request);
    const body = parseBody(loginSchema, request.body);
    const attempt = { email: normalizeEmail(body.email), remoteAddress: request.ip };
    const retryAfter = await loginRetryAfterSeconds(db, attempt);
    if (retryAfter !== null) {
      reply.header('retry-after', String(retryAfter));
      throw new AppError(
        'RATE_LIMITED',
        `Demasiados intentos fallidos: espere ${Math.ceil(retryAfter / 60)} minuto(s) y reintente.`,
      );
    }
    const { secret, session } = await login(db, {
      ...attempt,
      password: body.password,
      ttlMs: deps.sessionTtlMs,
    });
    reply.header('set-cookie', sessionCookie(secret, deps.sessionTtlMs, isHttps(request)));
    reply.header('cache-control', 'no-store');
    return session;
  });

  app.get(sessionPath, async (request, reply) => {
    const session = await resolveSession(db, readSessionCookie(request.headers.cookie));
    reply.header('cache-control', 'no-store');
    return { usuario: session.usuario, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.delete(sessionPath, async (request, reply) => {
    const secret = readSessionCookie(request.headers.cookie);
    if (secret !== null) {
      checkCsrf(request, secret);
      await endSession(db, secret);
    }
    reply.header('set-cookie', clearedSessionCookie(isHttps(request)));
    return reply.status(204).send();
  });
}
