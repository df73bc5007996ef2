import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { AgentChannel } from '../agents/agent-channel.ts';
import {
  closeSession,
  closeSessions,
  openSession,
  touchSessions,
} from '../agents/agent-sessions.ts';
import type { AgentTransport } from '../agents/agent-transports.ts';
import type { ConnectedAgents } from '../agents/connected-agents.ts';
import type { Principal } from '../credentials/credential-service.ts';
import type { Db } from '../db/db.ts';
import { announceRequeued } from '../delivery/announce-requeued.ts';
import type { Delivery } from '../delivery/delivery.ts';
import type { EventBus } from '../events/event-bus.ts';
import { requeue } from '../queue/requeue.ts';
import { closeCodes, closeReasons } from './close-codes.ts';
import { Heartbeat, type HeartbeatPeer } from './heartbeat.ts';

/** A sync-client socket the sessions track, whatever its frame format (v1 or legacy). */
export interface SocketChannel extends AgentChannel, HeartbeatPeer {
  readonly socket: WebSocket;
}

export interface SocketSessionsDeps {
  db: Db;
  events: EventBus;
  delivery: Delivery;
  agents: ConnectedAgents;
  logger: Logger;
  instanceId: string;
  heartbeatIntervalMs: number;
  maxAttempts: number;
}

/** How long `stop()` waits for peers to answer the close handshake before cutting them. */
const closeGraceMs = 2_000;

/**
 * The lifetime of every agent socket on this instance: its session row, presence, the one
 * heartbeat timer, and on close the return of the requests it held. `stop()` closes every
 * socket with 1012 and returns their requests without counting the attempt against them.
 */
export class SocketSessions {
  readonly #deps: SocketSessionsDeps;
  readonly #channels = new Set<SocketChannel>();
  readonly #closing = new Set<Promise<void>>();
  readonly #heartbeat: Heartbeat<SocketChannel>;
  #stopping = false;
  readonly #offKeyRevoked: () => void;

  constructor(deps: SocketSessionsDeps) {
    this.#deps = deps;
    this.#heartbeat = new Heartbeat<SocketChannel>({
      intervalMs: deps.heartbeatIntervalMs,
      onSweep: (alive) => {
        touchSessions(
          deps.db,
          alive.map((c) => c.sessionId),
        ).catch((error: unknown) => {
          deps.logger.warn({ err: error }, 'could not record agent heartbeat');
        });
      },
    });
    this.#heartbeat.start();
    // A revoked key disconnects its sync-clients at once (the web app's Sync-clients page).
    this.#offKeyRevoked = deps.events.on('agent.key_revoked', ({ sessionIds }) => {
      for (const channel of this.#channels) {
        if (sessionIds.includes(channel.sessionId)) {
          channel.socket.close(closeCodes.policyViolation, closeReasons.keyRevoked);
        }
      }
    });
  }

  open(principal: Principal, remoteAddress: string | undefined, transport: AgentTransport) {
    return openSession(this.#deps.db, {
      tenantId: principal.tenantId,
      agentKeyId: principal.credentialId,
      remoteAddress,
      transport,
      instanceId: this.#deps.instanceId,
    });
  }

  /** Starts tracking an open socket and delivers the tenant's queued requests to it. */
  attach(channel: SocketChannel, transport: AgentTransport): void {
    const { sessionId, tenantId } = channel;
    const { events, logger, delivery } = this.#deps;
    this.#channels.add(channel);
    this.#heartbeat.add(channel);
    this.#deps.agents.add(channel);
    channel.socket.on('pong', () => this.seen(channel));
    channel.socket.on('error', (error) =>
      logger.warn({ err: error, sessionId }, 'agent socket error'),
    );
    channel.socket.once('close', (code, reason) => {
      const done = this.#onClose(channel, code, reason.toString('utf8')).finally(() =>
        this.#closing.delete(done),
      );
      this.#closing.add(done);
    });
    logger.info({ sessionId, tenantId, transport }, 'agent connected');
    events.emit('agent.connected', { sessionId, tenantId, transport });
    delivery.deliverPending(tenantId).catch((error: unknown) => {
      logger.error({ err: error, tenantId }, 'delivery on connect failed');
    });
  }

  /** Any sign of life from the peer (a pong or a message). */
  seen(channel: SocketChannel): void {
    this.#heartbeat.seen(channel);
  }

  async #onClose(channel: SocketChannel, code: number, reason: string): Promise<void> {
    const { sessionId, tenantId } = channel;
    const { db, events, logger, maxAttempts } = this.#deps;
    this.#channels.delete(channel);
    this.#heartbeat.remove(channel);
    this.#deps.agents.remove(channel);
    // While stopping, `stop()` does the bookkeeping of every socket in two statements.
    if (!this.#stopping) {
      try {
        announceRequeued(
          events,
          await requeue(db, { sessionIds: [sessionId] }, 'connectionClosed', maxAttempts),
          'connectionClosed',
        );
        await closeSession(db, sessionId, { code, reason });
      } catch (error) {
        logger.error({ err: error, sessionId }, 'agent disconnect bookkeeping failed');
      }
    }
    logger.info({ sessionId, tenantId, code, reason }, 'agent disconnected');
    events.emit('agent.disconnected', { sessionId, tenantId, code, reason });
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#heartbeat.stop();
    this.#offKeyRevoked();
    const channels = [...this.#channels];
    const sockets = channels.map((c) => c.socket);
    for (const ws of sockets) ws.close(closeCodes.serviceRestart, closeReasons.serviceRestart);
    const cut = setTimeout(() => sockets.forEach((ws) => ws.terminate()), closeGraceMs);
    await Promise.all(sockets.map((ws) => closed(ws)));
    clearTimeout(cut);
    await Promise.all([...this.#closing]);
    // One requeue and one update for all of them: a restart with thousands of sync-clients
    // must not cost two statements per socket.
    const { db, events, logger, maxAttempts } = this.#deps;
    const sessionIds = channels.map((c) => c.sessionId);
    try {
      announceRequeued(
        events,
        await requeue(db, { sessionIds }, 'serverShutdown', maxAttempts),
        'serverShutdown',
      );
      await closeSessions(db, sessionIds, {
        code: closeCodes.serviceRestart,
        reason: closeReasons.serviceRestart,
      });
    } catch (error) {
      logger.error({ err: error }, 'agent shutdown bookkeeping failed');
    }
  }
}

function closed(ws: WebSocket): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve();
  return new Promise((resolve) => ws.once('close', () => resolve()));
}
