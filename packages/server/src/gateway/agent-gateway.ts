import { agentSubprotocol } from '@cotejo/protocol';
import { AgentConnection } from './agent-connection.ts';
import { createSocketEndpoint, type SocketEndpointDeps } from './socket-endpoint.ts';
import { authenticateUpgrade } from './upgrade-auth.ts';
import type { KeyCache } from './key-cache.ts';
import type { UpgradeHandler } from './upgrade-router.ts';

export const agentGatewayPath = '/api/agent/ws';

export interface AgentGatewayDeps extends SocketEndpointDeps {
  /** Accepted keys remembered briefly (reconnect storms); undefined = always ask the db. */
  keyCache?: KeyCache;
}

/**
 * The WebSocket agent gateway (protocol v1, `GET /api/agent/ws`): authenticates before
 * upgrading, then hands the socket to the shared socket sessions.
 */
export function createAgentGateway(deps: AgentGatewayDeps): UpgradeHandler {
  return createSocketEndpoint(deps, {
    path: agentGatewayPath,
    transport: 'websocket',
    subprotocol: agentSubprotocol,
    authenticate: (request) => authenticateUpgrade(deps.db, request, deps.keyCache),
    open: (ws, sessionId, tenantId, connectionDeps) =>
      new AgentConnection(ws, sessionId, tenantId, connectionDeps),
  });
}
