import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '@cotejo/protocol';
import type { Logger } from 'pino';
import type { UpgradeRateLimit } from './upgrade-rate-limit.ts';
import { refuseUpgrade } from './upgrade-refusal.ts';

const busy = new AppError(
  'UNAVAILABLE',
  'El servidor está recibiendo muchas conexiones a la vez: el sync-client reintenta solo en unos segundos.',
);

/** One WebSocket endpoint: the path it serves and what it does with an upgrade request. */
export interface UpgradeHandler {
  readonly path: string;
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
  close(): Promise<void>;
}

/**
 * Routes the HTTP server's `upgrade` events by path to the WebSocket endpoints; other paths get
 * 404, unexpected failures 500 (logged; never the request URL, which may carry a key). Past
 * `rateLimit`, upgrades get 503 UNAVAILABLE with Retry-After before any authentication.
 */
export function routeUpgrades(
  server: Server,
  handlers: readonly UpgradeHandler[],
  logger: Logger,
  options: {
    rateLimit?: UpgradeRateLimit;
    onThrottled?: (remoteAddress: string | undefined) => void;
  } = {},
) {
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = handlers.find((candidate) => candidate.path === path);
    if (!handler) {
      return refuseUpgrade(socket, new AppError('NOT_FOUND', 'No hay WebSocket en esta ruta.'));
    }
    const admitted = options.rateLimit?.take() ?? { ok: true };
    if (!admitted.ok) {
      options.onThrottled?.(request.socket.remoteAddress);
      return refuseUpgrade(socket, busy, { retryAfterSeconds: admitted.retryAfterSeconds });
    }
    handler.upgrade(request, socket, head).catch((error: unknown) => {
      logger.error({ err: error, path }, 'agent upgrade failed');
      refuseUpgrade(
        socket,
        new AppError('INTERNAL', 'Error interno al conectar el sync-client: reintente.'),
      );
    });
  };
  server.on('upgrade', onUpgrade);
  return {
    /** Stops taking upgrades; open sockets stay. */
    detach(): void {
      server.off('upgrade', onUpgrade);
    },
    /** Closes the endpoints; resolves once their sockets are closed. */
    async close(): Promise<void> {
      server.off('upgrade', onUpgrade);
      await Promise.all(handlers.map((handler) => handler.close()));
    },
  };
}
