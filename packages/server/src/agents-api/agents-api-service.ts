import {
  AppError,
  type AgentKeyView,
  type AgentsOverview,
  type SyncClientView,
} from '@cotejo/protocol';
import { issueCredential } from '../credentials/credential-service.ts';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { isUuid } from '../ids.ts';
import {
  listClientsSql,
  listKeysSql,
  revokeKeySql,
  type AgentKeyRow,
  type ConnectedClientRow,
} from './agents-api-sql.ts';

const toClient = (row: ConnectedClientRow): SyncClientView => ({
  sessionId: row.id,
  keyId: row.agent_key_id,
  hostname: row.hostname,
  version: row.client_version,
  database: row.database_kind,
  transport: row.transport,
  fallbackReason: row.fallback_reason,
  remoteAddress: row.remote_address,
  connectedAt: row.connected_at.toISOString(),
  lastSeenAt: row.last_seen_at.toISOString(),
  disconnectedAt: row.disconnected_at?.toISOString() ?? null,
  closeReason: row.close_reason,
  inFlight: row.in_flight,
  latencyP50Ms: row.latency_p50_ms,
});

const toKey = (row: AgentKeyRow): AgentKeyView => ({
  id: row.id,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
  connected: row.connected,
});

/** The tenant's sync-clients and keys, for the web app's "Sync-clients" page. */
export function createAgentsApiService(deps: { db: Db; events: EventBus }) {
  const { db, events } = deps;
  return {
    async overview(tenantId: string): Promise<AgentsOverview> {
      const clients = (await db.query<ConnectedClientRow>(listClientsSql, [tenantId])).map(
        toClient,
      );
      const keys = await db.query<AgentKeyRow>(listKeysSql, [tenantId]);
      return {
        conectados: clients.filter((client) => client.disconnectedAt === null),
        desconectados: clients.filter((client) => client.disconnectedAt !== null),
        claves: keys.map(toKey),
      };
    },

    /** A new key: the secret is returned once and only its hash is stored. */
    async createKey(tenantId: string): Promise<{ id: string; clave: string }> {
      const { id, secret } = await issueCredential(db, 'agentKey', tenantId);
      return { id, clave: secret };
    },

    /** Revokes the key and disconnects, at once, every sync-client connected with it. */
    async revokeKey(tenantId: string, keyId: string): Promise<{ id: string }> {
      const [row] = isUuid(keyId)
        ? await db.query<{ id: string; session_ids: string[] }>(revokeKeySql, [keyId, tenantId])
        : [];
      if (!row) {
        throw new AppError('NOT_FOUND', 'No existe esa clave: recargue la lista de claves.');
      }
      events.emit('agent.key_revoked', { tenantId, keyId, sessionIds: row.session_ids });
      return { id: row.id };
    },
  };
}

export type AgentsApiService = ReturnType<typeof createAgentsApiService>;
