import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AgentTransport } from '../agents/agent-transports.ts';
import type { Principal } from '../credentials/credential-service.ts';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { acceptUpgrade } from './accept-upgrade.ts';
import { closeReasons } from './close-codes.ts';
import { limitFrameSize } from './frame-size-limit.ts';
import type { SocketChannel, SocketSessions } from './socket-sessions.ts';
import type { UpgradeHandler } from './upgrade-router.ts';

export interface SocketEndpointDeps {
  db: Db;
  events: EventBus;
  sessions: SocketSessions;
  logger: Logger;
  maxFrameBytes: number;
  amountTolerance: string;
  maxAttempts: number;
}

/** What every connection class receives. */
export interface ConnectionDeps {
  db: Db;
  events: EventBus;
  logger: Logger;
  amountTolerance: string;
  maxAttempts: number;
  onActivity: () => void;
}

export interface SocketEndpoint {
  path: string;
  transport: AgentTransport;
  /** The one subprotocol the endpoint speaks; none for clients of the first design. */
  subprotocol?: string;
  authenticate: (request: IncomingMessage) => Promise<Principal>;
  open: (ws: WebSocket, sessionId: string, tenantId: string, deps: ConnectionDeps) => SocketChannel;
}

/**
 * One agent WebSocket endpoint: its server (no compression: lookups and results are small
 * JSON, compressing them costs CPU and memory per socket), frame limit, sessions and upgrade.
 */
export function createSocketEndpoint(
  deps: SocketEndpointDeps,
  endpoint: SocketEndpoint,
): UpgradeHandler {
  const { db, events, sessions, logger, amountTolerance, maxAttempts } = deps;
  const { subprotocol } = endpoint;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxFrameBytes,
    perMessageDeflate: false,
    ...(subprotocol && {
      handleProtocols: (protocols: Set<string>) =>
        protocols.has(subprotocol) ? subprotocol : false,
    }),
  });

  function connected(ws: WebSocket, sessionId: string, tenantId: string) {
    limitFrameSize(ws, closeReasons.messageTooBig(deps.maxFrameBytes));
    const channel: SocketChannel = endpoint.open(ws, sessionId, tenantId, {
      db,
      events,
      logger,
      amountTolerance,
      maxAttempts,
      onActivity: () => sessions.seen(channel),
    });
    sessions.attach(channel, endpoint.transport);
  }

  return {
    path: endpoint.path,
    upgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      acceptUpgrade(
        { events, sessions, wss },
        { request, socket, head },
        { transport: endpoint.transport, authenticate: endpoint.authenticate, connected },
      ),
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}
