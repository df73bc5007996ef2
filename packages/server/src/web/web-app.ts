import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AppError } from '@cotejo/protocol';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { missingBuildPage } from './missing-build-page.ts';

/** `packages/web/dist` of this checkout: where `npm run build -w packages/web` writes. */
export const defaultWebDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Headers of the HTML shell: nothing runs but our own scripts, nobody frames the app. */
const htmlHeaders = {
  'content-security-policy': [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
};

/**
 * Serves the built web app: its files as they are (hashed assets cached for a year), and
 * `index.html` for every other page request (GET accepting HTML) outside `/api/`, so that the
 * app's own routes load on refresh; anything else unknown stays a JSON 404. Without a build, those pages say how to build it (503) and the log warns once.
 */
export function registerWebApp(
  app: FastifyInstance,
  deps: { webDir: string; logger: FastifyBaseLogger },
): void {
  const built = existsSync(join(deps.webDir, 'index.html'));
  if (built) {
    void app.register(fastifyStatic, {
      root: deps.webDir,
      wildcard: false,
      index: false,
      setHeaders(reply, path) {
        reply.header('x-content-type-options', 'nosniff');
        if (/\/assets\//.test(path)) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  } else {
    deps.logger.warn(
      { webDir: deps.webDir },
      'web app not built: run "npm run build -w packages/web" (npm start builds it)',
    );
  }

  app.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = request.headers.accept?.includes('text/html') ?? false;
    if (path.startsWith('/api/') || !wantsPage) {
      throw new AppError('NOT_FOUND', `No existe la ruta ${request.method} ${path}.`);
    }
    if (!built) {
      return reply
        .status(503)
        .headers(htmlHeaders)
        .type('text/html; charset=utf-8')
        .send(missingBuildPage(deps.webDir));
    }
    return reply.headers(htmlHeaders).type('text/html; charset=utf-8').sendFile('index.html');
  });
}
