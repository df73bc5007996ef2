import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoErp, demoErpLookupSql } from '../../scripts/lib/demo-erp.ts';
import type { LoggedProcess } from '../../scripts/lib/logged-process.ts';
import {
  createPostgresDatabase,
  type PostgresDatabase,
} from '../../scripts/lib/postgres-database.ts';
import {
  createTenantWithCredentials,
  platformClient,
  startServerProcess,
  startSyncClient,
  type ServerProcess,
} from '../../scripts/lib/stack.ts';
import { writeSqliteSyncClientConfig } from '../../scripts/lib/sync-client-config.ts';
import { startTcpProxy, type TcpProxy } from '../../scripts/lib/tcp-proxy.ts';

/** A proxy that refuses WebSocket upgrades sits between the sync-client and the server. */
describe('long-poll fallback behind a proxy that blocks WebSockets', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-longpoll-'));
  let database: PostgresDatabase;
  let server: ServerProcess;
  let proxy: TcpProxy;
  let syncClient: LoggedProcess;
  let invoices: ReturnType<typeof createDemoErp>;
  let api: ReturnType<typeof platformClient>;
  let tenantId: string;

  beforeAll(async () => {
    database = await createPostgresDatabase('cotejo_e2e_longpoll');
    const storage = { dataDir, databaseUrl: database.url };
    server = await startServerProcess(storage, { LOG_LEVEL: 'debug' });
    const credentials = await createTenantWithCredentials(storage, 'Proxy');
    tenantId = credentials.tenantId;
    api = platformClient(server.url, credentials.apiToken);
    proxy = await startTcpProxy({
      upstreams: () => [Number(new URL(server.url).port)],
      refuseWebSocket: true,
    });
    const erpPath = join(dataDir, 'erp.sqlite');
    invoices = createDemoErp(erpPath);
    const configPath = join(dataDir, 'sync-client.yaml');
    writeSqliteSyncClientConfig(configPath, {
      serverUrl: proxy.url,
      erpPath,
      lookupSql: demoErpLookupSql,
    });
    syncClient = await startSyncClient(configPath, credentials.agentKey);
  });

  afterAll(async () => {
    await syncClient?.stop();
    await proxy?.close();
    await server?.process.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('switches to long-poll on its own and says why', async () => {
    const connected = await syncClient.waitForLog((line) => line.msg === 'connected');
    expect(connected.transport).toBe('long-poll');
    const fallback = await syncClient.waitForLog((line) => line.transport === 'long-poll');
    expect(fallback.reason).toMatch(/rechaza el WebSocket \(HTTP 403\)/);
  });

  it('keeps validations succeeding, including one requested while a poll waits', async () => {
    await server.process.waitForLog((line) => line.msg === 'long-poll waiting');
    for (const [invoice, status] of [
      [invoices.ok, 'OK'],
      [invoices.diferencias, 'DIFERENCIAS'],
      [invoices.noEncontrado, 'NO_ENCONTRADO'],
      [invoices.duplicado, 'DUPLICADO'],
    ] as const) {
      const { httpStatus, body } = await api.validate(invoice);
      expect(httpStatus).toBe(200);
      expect(body.status).toBe(status);
    }
  });

  it('shows the transport and the fallback reason in presence', async () => {
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const { rows } = await db.query<{ transport: string; reason: string }>(
      `select transport, fallback_reason as reason from agent_sessions
       where tenant_id = $1::uuid and disconnected_at is null`,
      [tenantId],
    );
    await db.end();
    expect(rows).toEqual([
      { transport: 'long-poll', reason: expect.stringMatching(/HTTP 403/) as unknown },
    ]);
  });
});
