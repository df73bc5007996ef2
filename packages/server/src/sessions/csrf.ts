import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@cotejo/protocol';

export const csrfHeader = 'x-csrf-token';

/** Methods that change nothing; every other method needs the CSRF token. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session's CSRF token, derived from the session secret (never stored): the page reads it
 * from `GET /api/sesion` and sends it in `X-CSRF-Token`; another site can read neither.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHash('sha256').update(`csrf:${sessionSecret}`, 'utf8').digest('base64url');
}

export interface CsrfRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** FORBIDDEN unless a cookie-authenticated write carries the token and a same-origin Origin. */
export function checkCsrf(request: CsrfRequest, sessionSecret: string): void {
  if (safeMethods.has(request.method.toUpperCase())) return;
  checkSameOrigin(request);
  const given = request.headers[csrfHeader];
  const expected = Buffer.from(csrfTokenFor(sessionSecret));
  const actual = Buffer.from(typeof given === 'string' ? given : '');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new AppError(
      'FORBIDDEN',
      'Falta el token anti-CSRF o no corresponde a su sesión: recargue la página y reintente.',
    );
  }
}

/** FORBIDDEN when the browser says the request comes from a page of another origin. */
export function checkSameOrigin(request: CsrfRequest): void {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && hostOf(origin) !== request.headers.host) {
    throw new AppError('FORBIDDEN', 'Pedido rechazado: proviene de otro sitio.');
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
