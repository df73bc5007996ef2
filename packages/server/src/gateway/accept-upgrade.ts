import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '@cotejo/protocol';
import type { WebSocket, WebSocketServer } from 'ws';
import type { AgentTransport } from '../agents/agent-transports.ts';
import type { Principal } from '../credentials/credential-service.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { SocketSessions } from './socket-sessions.ts';
import { refuseUpgrade } from './upgrade-refusal.ts';

/**
 * The common path of every agent WebSocket endpoint: authenticate before upgrading (a refusal
 * is a plain HTTP error and an `agent.refused` event), open the session, upgrade, hand over.
 */
export async function acceptUpgrade(
  deps: { events: EventBus; sessions: SocketSessions; wss: WebSocketServer },
  upgrade: { request: IncomingMessage; socket: Duplex; head: Buffer },
  endpoint: {
    transport: AgentTransport;
    authenticate: (request: IncomingMessage) => Promise<Principal>;
    connected: (ws: WebSocket, sessionId: string, tenantId: string) => void;
  },
): Promise<void> {
  const { request, socket, head } = upgrade;
  const remoteAddress = request.socket.remoteAddress;
  let principal: Principal;
  try {
    principal = await endpoint.authenticate(request);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    deps.events.emit('agent.refused', { code: error.code, remoteAddress });
    return refuseUpgrade(socket, error);
  }
  const sessionId = await deps.sessions.open(principal, remoteAddress, endpoint.transport);
  deps.wss.handleUpgrade(request, socket, head, (ws) =>
    endpoint.connected(ws, sessionId, principal.tenantId),
  );
}
