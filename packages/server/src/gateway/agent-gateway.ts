import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, agentSubprotocol } from '@cotejo/protocol';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeSession, openSession, touchSessions } from '../agents/agent-sessions.ts';
import type { ConnectedAgents } from '../agents/connected-agents.ts';
import type { Db } from '../db/db.ts';
import type { Delivery } from '../delivery/delivery.ts';
import type { EventBus } from '../events/event-bus.ts';
import { release } from '../queue/release.ts';
import { AgentConnection } from './agent-connection.ts';
import { closeCodes, closeReasons } from './close-codes.ts';
import { Heartbeat } from './heartbeat.ts';
import { limitFrameSize } from './frame-size-limit.ts';
import { authenticateUpgrade } from './upgrade-auth.ts';
import { refuseUpgrade } from './upgrade-refusal.ts';

export const agentGatewayPath = '/api/agent/ws';

/** How long `stop()` waits for peers to answer the close handshake before cutting them. */
const closeGraceMs = 2_000;

export interface AgentGatewayDeps {
  server: Server;
  db: Db;
  events: EventBus;
  delivery: Delivery;
  agents: ConnectedAgents;
  logger: Logger;
  heartbeatIntervalMs: number;
  maxFrameBytes: number;
  amountTolerance: string;
}

/**
 * The WebSocket agent gateway on the HTTP server's `upgrade` event: authenticates before
 * upgrading, tracks presence and sessions, pushes queued requests on connect.
 */
export function createAgentGateway(deps: AgentGatewayDeps): { stop(): Promise<void> } {
  const { db, events, delivery, agents, logger } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxFrameBytes,
    handleProtocols: (protocols) => (protocols.has(agentSubprotocol) ? agentSubprotocol : false),
  });
  const connections = new Set<AgentConnection>();
  const closing = new Set<Promise<void>>();
  const heartbeat = new Heartbeat<AgentConnection>({
    intervalMs: deps.heartbeatIntervalMs,
    onSweep: (alive) => {
      touchSessions(
        db,
        alive.map((c) => c.sessionId),
      ).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not record agent heartbeat');
      });
    },
  });
  heartbeat.start();

  async function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on('error', () => undefined);
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== agentGatewayPath) {
      return refuseUpgrade(socket, new AppError('NOT_FOUND', 'No hay WebSocket en esta ruta.'));
    }
    const remoteAddress = request.socket.remoteAddress;
    let principal;
    try {
      principal = await authenticateUpgrade(db, request);
    } catch (error) {
      const refusal = error instanceof AppError ? error : internalError(error);
      events.emit('agent.refused', { code: refusal.code, remoteAddress });
      return refuseUpgrade(socket, refusal);
    }
    const sessionId = await openSession(db, {
      tenantId: principal.tenantId,
      agentKeyId: principal.credentialId,
      remoteAddress,
    });
    wss.handleUpgrade(request, socket, head, (ws) =>
      onConnection(ws, sessionId, principal.tenantId),
    );
  }

  function internalError(error: unknown): AppError {
    logger.error({ err: error }, 'agent upgrade failed');
    return new AppError('INTERNAL', 'Error interno al conectar el sync-client: reintente.');
  }

  function onConnection(ws: WebSocket, sessionId: string, tenantId: string) {
    limitFrameSize(ws, closeReasons.messageTooBig(deps.maxFrameBytes));
    const connection: AgentConnection = new AgentConnection(ws, sessionId, tenantId, {
      db,
      events,
      logger,
      amountTolerance: deps.amountTolerance,
      onActivity: () => heartbeat.seen(connection),
    });
    connections.add(connection);
    heartbeat.add(connection);
    agents.add(connection);
    ws.on('error', (error) => logger.warn({ err: error, sessionId }, 'agent socket error'));
    ws.once('close', (code, reason) => {
      const done = onClose(connection, code, reason.toString('utf8')).finally(() =>
        closing.delete(done),
      );
      closing.add(done);
    });
    logger.info({ sessionId, tenantId }, 'agent connected');
    events.emit('agent.connected', { sessionId, tenantId });
    delivery.deliverPending(tenantId).catch((error: unknown) => {
      logger.error({ err: error, tenantId }, 'delivery on connect failed');
    });
  }

  async function onClose(connection: AgentConnection, code: number, reason: string) {
    const { sessionId, tenantId } = connection;
    connections.delete(connection);
    heartbeat.remove(connection);
    agents.remove(connection);
    try {
      await release(db, sessionId);
      await closeSession(db, sessionId, { code, reason });
      if (agents.isConnected(tenantId)) await delivery.deliverPending(tenantId);
    } catch (error) {
      logger.error({ err: error, sessionId }, 'agent disconnect bookkeeping failed');
    }
    logger.info({ sessionId, tenantId, code, reason }, 'agent disconnected');
    events.emit('agent.disconnected', { sessionId, tenantId, code, reason });
  }

  const onUpgradeEvent = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(request, socket, head).catch((error: unknown) => {
      refuseUpgrade(socket, internalError(error));
    });
  };
  deps.server.on('upgrade', onUpgradeEvent);

  return {
    async stop() {
      deps.server.off('upgrade', onUpgradeEvent);
      heartbeat.stop();
      const sockets = [...connections].map((c) => c.socket);
      for (const ws of sockets) ws.close(closeCodes.serviceRestart, closeReasons.serviceRestart);
      const cut = setTimeout(() => sockets.forEach((ws) => ws.terminate()), closeGraceMs);
      await Promise.all(sockets.map((ws) => closed(ws)));
      clearTimeout(cut);
      await Promise.all([...closing]);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function closed(ws: WebSocket): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve();
  return new Promise((resolve) => ws.once('close', () => resolve()));
}
