import { AppError, type SessionView } from '@cotejo/protocol';
import { generateSecret, hashSecret } from '../credentials/secret.ts';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';
import { verifyAgainstNothing, verifyPassword } from '../users/password.ts';
import { findUserByEmail, normalizeEmail, toUser, type User } from '../users/user-service.ts';
import { csrfTokenFor } from './csrf.ts';
import { loginLimits, recordLoginAttempt } from './login-limits.ts';
import { endSessionSql, findSessionSql, insertSessionSql, type SessionRow } from './session-sql.ts';

export const sessionSecretPrefix = 'cs_';

export interface ResolvedSession extends SessionView {
  sessionId: string;
}

const view = (user: User, secret: string, expiresAt: Date): SessionView => ({
  usuario: { id: user.id, email: user.email, tenantId: user.tenantId, tenantName: user.tenantName },
  csrfToken: csrfTokenFor(secret),
  expiresAt: expiresAt.toISOString(),
});

export const badCredentialsMessage =
  `Email o contraseña incorrectos: revíselos y reintente. Tras ${loginLimits.failuresPerEmail} ` +
  `intentos fallidos deberá esperar ${loginLimits.windowMs / 60_000} minutos.`;

/**
 * Checks the password and opens a session; records the attempt either way. The caller checks
 * the rate limit first (`loginRetryAfterSeconds`).
 */
export async function login(
  db: Queryable,
  input: { email: string; password: string; remoteAddress: string; ttlMs: number },
): Promise<{ secret: string; session: SessionView }> {
  const email = normalizeEmail(input.email);
  const row = await findUserByEmail(db, email);
  const valid = row
    ? await verifyPassword(row.password_hash, input.password)
    : await verifyAgainstNothing(input.password);
  await recordLoginAttempt(db, { email, remoteAddress: input.remoteAddress, succeeded: valid });
  if (!row || !valid) throw new AppError('UNAUTHORIZED', badCredentialsMessage);
  const user = toUser(row);
  const secret = generateSecret(sessionSecretPrefix);
  const [inserted] = await db.query<{ expires_at: Date }>(insertSessionSql, [
    newId(),
    user.id,
    user.tenantId,
    hashSecret(secret),
    input.ttlMs,
  ]);
  if (!inserted) throw new Error('insert into user_sessions returned no row');
  return { secret, session: view(user, secret, inserted.expires_at) };
}

/** The live session behind a cookie secret; UNAUTHORIZED when missing, ended or expired. */
export async function resolveSession(
  db: Queryable,
  secret: string | null,
): Promise<ResolvedSession> {
  const [row] =
    secret === null ? [] : await db.query<SessionRow>(findSessionSql, [hashSecret(secret)]);
  if (!row || secret === null) {
    throw new AppError('UNAUTHORIZED', 'Su sesión venció o no existe: ingrese de nuevo.');
  }
  const user: User = {
    id: row.user_id,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    email: row.email,
  };
  return { sessionId: row.id, ...view(user, secret, row.expires_at) };
}

/** Ends the session (logout); ending an unknown or ended one is harmless. */
export async function endSession(db: Queryable, secret: string): Promise<void> {
  await db.query(endSessionSql, [hashSecret(secret)]);
}
