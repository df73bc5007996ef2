import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '@cotejo/protocol';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticate } from '../credentials/credential-service.ts';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { closeReasons } from '../gateway/close-codes.ts';
import { limitFrameSize } from '../gateway/frame-size-limit.ts';
import { acceptUpgrade } from '../gateway/accept-upgrade.ts';
import type { SocketSessions } from '../gateway/socket-sessions.ts';
import type { UpgradeHandler } from '../gateway/upgrade-router.ts';
import { LegacyConnection } from './legacy-connection.ts';

export const legacyGatewayPath = '/ws';

export interface LegacyGatewayDeps {
  db: Db;
  events: EventBus;
  sessions: SocketSessions;
  logger: Logger;
  maxFrameBytes: number;
  amountTolerance: string;
  maxAttempts: number;
}

/**
 * `/ws?tenantId=…&apiKey=…` for clients of the first design (no subprotocol). The key must be a
 * valid agent key of that very tenant. The URL carries a secret: nothing here logs it.
 */
export function createLegacyGateway(deps: LegacyGatewayDeps): UpgradeHandler {
  const { db, events, sessions, logger } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxFrameBytes,
    perMessageDeflate: false,
  });

  async function authenticateLegacy(request: IncomingMessage) {
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const principal = await authenticate(db, 'agentKey', query.get('apiKey'));
    if (principal.tenantId !== query.get('tenantId')) {
      throw new AppError(
        'UNAUTHORIZED',
        'La clave no corresponde al tenantId indicado: revise la configuración del sync-client.',
      );
    }
    return principal;
  }

  function connected(ws: WebSocket, sessionId: string, tenantId: string) {
    limitFrameSize(ws, closeReasons.messageTooBig(deps.maxFrameBytes));
    const connection: LegacyConnection = new LegacyConnection(ws, sessionId, tenantId, {
      db,
      events,
      logger,
      amountTolerance: deps.amountTolerance,
      maxAttempts: deps.maxAttempts,
      onActivity: () => sessions.seen(connection),
    });
    sessions.attach(connection, 'legacy-ws');
  }

  return {
    path: legacyGatewayPath,
    upgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      acceptUpgrade(
        { events, sessions, wss },
        { request, socket, head },
        { transport: 'legacy-ws', authenticate: authenticateLegacy, connected },
      ),
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}
