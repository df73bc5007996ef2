import type { IncomingMessage } from 'node:http';
import { AppError, agentSubprotocol } from '@cotejo/protocol';
import type { Db } from '../db/db.ts';
import { authenticate, type Principal } from '../credentials/credential-service.ts';
import { bearerToken } from '../credentials/secret.ts';
import type { KeyCache } from './key-cache.ts';

/**
 * The sync-client behind an upgrade request, checked before upgrading: key (through `keys`, a
 * short cache of accepted keys, when given), then subprotocol.
 */
export async function authenticateUpgrade(
  db: Db,
  request: IncomingMessage,
  keys?: KeyCache,
): Promise<Principal> {
  const key = bearerToken(request.headers.authorization);
  const lookup = () => authenticate(db, 'agentKey', key);
  const principal = await (keys ? keys.authenticate(key, lookup) : lookup());
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
