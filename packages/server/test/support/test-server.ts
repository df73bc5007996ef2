import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import pino, { type Logger } from 'pino';
import { createDbAdminService, type AdminService } from '../../src/admin/admin-service.ts';
import { buildServer, type App, type ServerConfig } from '../../src/app.ts';
import type { Db } from '../../src/db/db.ts';
import type { DocumentsOptions } from '../../src/documents/register-documents.ts';
import { createEventBus, type EventBus } from '../../src/events/event-bus.ts';
import { AgentClient } from './agent-client.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export interface TestServer {
  app: App;
  db: Db;
  testDb: TestDb;
  events: EventBus;
  admin: AdminService;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/api/agent/ws` */
  wsUrl: string;
  /** A new tenant with an agent key and an API token. */
  createTenant(name?: string): Promise<TestTenant>;
  /** Connects a test sync-client, closed by `closeAgents()`. */
  connectAgent(key: string): Promise<AgentClient>;
  closeAgents(): Promise<void>;
  /** `POST /api/validaciones` with the API token. */
  validate(token: string, body: unknown): Promise<LightMyRequestResponse>;
  /** `GET /api/validaciones/:id` with the API token. */
  validation(token: string, id: string): Promise<LightMyRequestResponse>;
  stop(): Promise<void>;
}

export interface TestTenant {
  id: string;
  keyId: string;
  key: string;
  tokenId: string;
  token: string;
}

export const testConfig: ServerConfig = {
  syncWaitMs: 3000,
  heartbeatIntervalMs: 60_000,
  maxFrameBytes: 64 * 1024,
  amountTolerance: '0.01',
  requestTtlMs: 3_600_000,
  leaseMs: 30_000,
  maxAttempts: 5,
  maxInFlightPerAgent: 16,
  // Tests call `app.sweeper.sweepOnce()` themselves; the timer never fires.
  sweepIntervalMs: 3_600_000,
  pollIdleMs: 60_000,
  agentUpgradesPerSecond: 500,
  agentUpgradeBurst: 1000,
  agentKeyCacheMs: 5000,
};

/** The full server on a fresh test database, listening on a free loopback port. */
export async function startTestServer(
  config: Partial<ServerConfig> = {},
  options: {
    adminSecret?: string;
    /** Share another server's database (a second instance). */ shareDb?: TestDb;
    /** Uploaded documents: file store, extractor, limits. */
    documents?: DocumentsOptions;
    /** Where the server logs (default: silent). */
    logger?: Logger;
  } = {},
): Promise<TestServer> {
  const { shareDb, logger, ...appOptions } = options;
  const testDb = shareDb ?? (await createTestDb());
  const events = createEventBus((error) => console.error('event listener failed', error));
  const app = buildServer({
    config: { ...testConfig, ...config },
    db: testDb.db,
    events,
    logger: logger ?? pino({ level: 'silent' }),
    databaseUrl: testDb.databaseUrl,
    ...appOptions,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const admin = createDbAdminService(testDb.db);
  const agents: AgentClient[] = [];
  const wsUrl = `ws://127.0.0.1:${port}/api/agent/ws`;
  return {
    app,
    db: testDb.db,
    testDb,
    events,
    admin,
    url: `http://127.0.0.1:${port}`,
    wsUrl,
    async createTenant(name = 'Cliente de prueba') {
      const tenant = await admin.createTenant(name);
      const key = await admin.createAgentKey(tenant.id);
      const token = await admin.createApiToken(tenant.id);
      return { id: tenant.id, keyId: key.id, key: key.key, tokenId: token.id, token: token.token };
    },
    async connectAgent(key) {
      const client = await AgentClient.connect(wsUrl, key);
      agents.push(client);
      return client;
    },
    async closeAgents() {
      await Promise.all(agents.splice(0).map((client) => client.close()));
    },
    validate: (token, body) =>
      app.inject({
        method: 'POST',
        url: '/api/validaciones',
        headers: { authorization: `Bearer ${token}` },
        payload: body as object,
      }),
    validation: (token, id) =>
      app.inject({
        method: 'GET',
        url: `/api/validaciones/${id}`,
        headers: { authorization: `Bearer ${token}` },
      }),
    async stop() {
      await app.close();
      if (!shareDb) await testDb.close();
    },
  };
}
