import type { IncomingMessage } from 'node:http';
import { AppError } from '@cotejo/protocol';
import { authenticate } from '../credentials/credential-service.ts';
import { createSocketEndpoint, type SocketEndpointDeps } from '../gateway/socket-endpoint.ts';
import type { UpgradeHandler } from '../gateway/upgrade-router.ts';
import { LegacyConnection } from './legacy-connection.ts';

export const legacyGatewayPath = '/ws';

export type LegacyGatewayDeps = SocketEndpointDeps;

/**
 * `/ws?tenantId=…&apiKey=…` for clients of the first design (no subprotocol). The key must be a
 * valid agent key of that very tenant. The URL carries a secret: nothing here logs it.
 */
export function createLegacyGateway(deps: LegacyGatewayDeps): UpgradeHandler {
  const { db } = deps;
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

  return createSocketEndpoint(deps, {
    path: legacyGatewayPath,
    transport: 'legacy-ws',
    authenticate: authenticateLegacy,
    open: (ws, sessionId, tenantId, connectionDeps) =>
      new LegacyConnection(ws, sessionId, tenantId, connectionDeps),
  });
}
