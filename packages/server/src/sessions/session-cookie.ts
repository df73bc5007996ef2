/** The browser session cookie: httpOnly, SameSite=Lax, Secure over HTTPS, path `/`. */
export const sessionCookieName = 'cotejo_sesion';

/** How long a login lasts unless `SESSION_TTL_MS` says otherwise. */
export const defaultSessionTtlMs = 12 * 3_600_000;

/** Session secrets look like `cs_` + 43 base64url characters. */
const secretPattern = /^cs_[A-Za-z0-9_-]{43}$/;

/** The session secret of a `Cookie` header, or null (malformed values are ignored). */
export function readSessionCookie(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== sessionCookieName) continue;
    const secret = value.join('=');
    if (secretPattern.test(secret)) return secret;
  }
  return null;
}

export function sessionCookie(secret: string, maxAgeMs: number, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor(maxAgeMs / 1000));
  return [
    `${sessionCookieName}=${secret}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
