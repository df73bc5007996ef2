import type { IncomingMessage } from 'node:http';
import { AppError, agentSubprotocol } from '@cotejo/protocol';
import type { Db } from '../db/db.ts';
import { authenticate, type Principal } from '../credentials/credential-service.ts';
import { bearerToken } from '../credentials/secret.ts';

/** The sync-client behind an upgrade request, checked before upgrading: key, then subprotocol. */
export async function authenticateUpgrade(db: Db, request: IncomingMessage): Promise<Principal> {
  const principal = await authenticate(db, 'agentKey', bearerToken(request.headers.authorization));
  const offered = (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((name) => name.trim());
  if (!offered.includes(agentSubprotocol)) {
    throw new AppError(
      'BAD_REQUEST',
      `Falta el subprotocolo ${agentSubprotocol}: actualice el sync-client a una versión compatible.`,
    );
  }
  return principal;
}
