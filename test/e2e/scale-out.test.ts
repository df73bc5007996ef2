import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  type StorageEnv,
} from '../../scripts/lib/stack.ts';
import { writeSqliteSyncClientConfig } from '../../scripts/lib/sync-client-config.ts';
import { startTcpProxy, type TcpProxy } from '../../scripts/lib/tcp-proxy.ts';

/** Two server processes on one PostgreSQL, a failover proxy in front of the sync-client. */
describe('scale-out: two server instances', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-scale-'));
  let database: PostgresDatabase;
  let storage: StorageEnv;
  let a: ServerProcess;
  let b: ServerProcess;
  let proxy: TcpProxy;
  let syncClient: LoggedProcess;
  let invoices: ReturnType<typeof createDemoErp>;
  let apiOnB: ReturnType<typeof platformClient>;

  beforeAll(async () => {
    database = await createPostgresDatabase('cotejo_e2e_scale');
    storage = { dataDir, databaseUrl: database.url };
    a = await startServerProcess(storage);
    b = await startServerProcess(storage);
    const credentials = await createTenantWithCredentials(storage, 'Escala');
    apiOnB = platformClient(b.url, credentials.apiToken);
    const port = (server: ServerProcess) => Number(new URL(server.url).port);
    // The sync-client reaches A while A is up, B otherwise (a load balancer's failover).
    proxy = await startTcpProxy({ upstreams: () => [port(a), port(b)] });
    const erpPath = join(dataDir, 'erp.sqlite');
    invoices = createDemoErp(erpPath);
    const configPath = join(dataDir, 'sync-client.yaml');
    writeSqliteSyncClientConfig(configPath, {
      serverUrl: proxy.url,
      erpPath,
      lookupSql: demoErpLookupSql,
    });
    syncClient = await startSyncClient(configPath, credentials.agentKey);
    await a.process.waitForLog((line) => line.msg === 'agent connected');
  });

  afterAll(async () => {
    await syncClient?.stop();
    await proxy?.close();
    await a?.process.stop();
    await b?.process.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a request made on B with the verdict of the sync-client connected to A', async () => {
    const { httpStatus, body } = await apiOnB.validate(invoices.ok);
    expect(httpStatus).toBe(200);
    expect(body.status).toBe('OK');
    expect(b.process.lines.some((line) => line.msg === 'agent connected')).toBe(false);
  });

  it('when A stops, the sync-client is told 1012, reconnects to B and pending work completes', async () => {
    expect(await a.process.stop()).toBe(0);
    const closed = await syncClient.waitForLog((line) => line.msg === 'disconnected');
    expect(closed.code).toBe(1012);
    const pending = await apiOnB.validate(invoices.diferencias);
    await b.process.waitForLog((line) => line.msg === 'agent connected');
    let current = pending;
    for (let i = 0; i < 100 && current.body.status === 'PENDIENTE'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await apiOnB.get(pending.body.id);
    }
    expect(current.body.status).toBe('DIFERENCIAS');
  });
});
