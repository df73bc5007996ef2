import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { agentSubprotocol } from '@cotejo/protocol';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { acceptUpgrade } from './accept-upgrade.ts';
import { AgentConnection } from './agent-connection.ts';
import { closeReasons } from './close-codes.ts';
import { limitFrameSize } from './frame-size-limit.ts';
import type { SocketSessions } from './socket-sessions.ts';
import { authenticateUpgrade } from './upgrade-auth.ts';
import type { KeyCache } from './key-cache.ts';
import type { UpgradeHandler } from './upgrade-router.ts';

export const agentGatewayPath = '/api/agent/ws';

export interface AgentGatewayDeps {
  db: Db;
  events: EventBus;
  sessions: SocketSessions;
  logger: Logger;
  maxFrameBytes: number;
  amountTolerance: string;
  maxAttempts: number;
  /** Accepted keys remembered briefly (reconnect storms); undefined = always ask the db. */
  keyCache?: KeyCache;
}

/**
 * The WebSocket agent gateway (protocol v1, `GET /api/agent/ws`): authenticates before
 * upgrading, then hands the socket to the shared socket sessions.
 */
export function createAgentGateway(deps: AgentGatewayDeps): UpgradeHandler {
  const { db, events, sessions, logger } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxFrameBytes,
    // Lookups and results are small JSON: compressing them costs CPU and memory per socket.
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(agentSubprotocol) ? agentSubprotocol : false),
  });

  function onConnection(ws: WebSocket, sessionId: string, tenantId: string) {
    limitFrameSize(ws, closeReasons.messageTooBig(deps.maxFrameBytes));
    const connection: AgentConnection = new AgentConnection(ws, sessionId, tenantId, {
      db,
      events,
      logger,
      amountTolerance: deps.amountTolerance,
      maxAttempts: deps.maxAttempts,
      onActivity: () => sessions.seen(connection),
    });
    sessions.attach(connection, 'websocket');
  }

  return {
    path: agentGatewayPath,
    upgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      acceptUpgrade(
        { events, sessions, wss },
        { request, socket, head },
        {
          transport: 'websocket',
          authenticate: (upgrade) => authenticateUpgrade(db, upgrade, deps.keyCache),
          connected: onConnection,
        },
      ),
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}
