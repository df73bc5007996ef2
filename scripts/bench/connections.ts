/**
 * Connections benchmark (`npm run bench -- connections`): a load process opens BENCH_CONNECTIONS
 * (default 10,000) real sync-client connections, one per agent key, to one server process on
 * PostgreSQL. Reports the server's memory per connection and its event-loop delay while idle;
 * then restarts the server (SIGTERM, a new process on the same port) with all of them connected
 * and reports how long until every one is back and authenticated, and what became of the
 * validations submitted during that storm.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDemoErp, demoErpLookupSql } from '../lib/demo-erp.ts';
import { startTs } from '../lib/logged-process.ts';
import { createPostgresDatabase, waitUntil } from '../lib/postgres-database.ts';
import { platformClient, startServerProcess, type ServerProcess } from '../lib/stack.ts';
import { writeSqliteSyncClientConfig } from '../lib/sync-client-config.ts';
import { createBulkTenants } from './bulk-credentials.ts';
import { scrapeMetrics } from './metrics-sample.ts';
import { requireOpenFiles } from './open-files-limit.ts';
import { residentBytes } from './process-memory.ts';
import { summarize } from './percentiles.ts';
import { stormValidations } from './storm-validations.ts';

const keysPerTenant = 10;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openSessions(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from agent_sessions
       where disconnected_at is null and hostname is not null`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

export async function connectionsBench(count = 10_000, idleWindowMs = 10_000) {
  requireOpenFiles(count);
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-bench-connections-'));
  const database = await createPostgresDatabase('cotejo_bench_connections');
  const storage = { dataDir, databaseUrl: database.url };
  const serverEnv = { HEARTBEAT_MS: '5000', SYNC_WAIT_MS: '3000' };
  let server: ServerProcess | undefined;
  const load = { process: undefined as ReturnType<typeof startTs> | undefined };
  try {
    server = await startServerProcess(storage, serverEnv);
    const port = new URL(server.url).port;
    const tenants = await createBulkTenants(
      database.url,
      Math.ceil(count / keysPerTenant),
      keysPerTenant,
    );
    const keys = tenants.flatMap((tenant) => tenant.agentKeys).slice(0, count);
    const keysPath = join(dataDir, 'keys.json');
    writeFileSync(keysPath, JSON.stringify(keys), { mode: 0o600 });
    const erpPath = join(dataDir, 'erp.sqlite');
    const invoices = createDemoErp(erpPath);
    const configPath = join(dataDir, 'sync-client.yaml');
    writeSqliteSyncClientConfig(configPath, {
      serverUrl: server.url,
      erpPath,
      lookupSql: demoErpLookupSql,
    });

    await sleep(2000);
    const baseline = {
      rss: residentBytes(server.process.child.pid ?? 0),
      heap: (await scrapeMetrics(server.url)).get('cotejo_nodejs_heap_size_used_bytes') ?? 0,
    };
    load.process = startTs(
      'scripts/bench/connections-load.ts',
      [keysPath, configPath],
      {},
      { direct: true },
    );
    const connected = await load.process.waitForLog(
      (line) => line.msg === 'all-connected',
      600_000,
    );
    await waitUntil(
      async () => ((await openSessions(database.url)) >= count ? true : undefined),
      'every hello recorded',
      300_000,
    );
    // Idle: only heartbeats (every 5 s) and sweeps. Scraping resets the event-loop histogram.
    await sleep(3000);
    await scrapeMetrics(server.url);
    await sleep(idleWindowMs);
    const idle = await scrapeMetrics(server.url);
    const loaded = {
      rss: residentBytes(server.process.child.pid ?? 0),
      heap: idle.get('cotejo_nodejs_heap_size_used_bytes') ?? 0,
    };
    // prom-client samples the loop with a 10 ms timer and records whole intervals: the delay
    // is what exceeds those 10 ms.
    const lagMs = (name: string) =>
      Math.round(
        ((idle.get(`cotejo_nodejs_eventloop_lag_${name}_seconds`) ?? NaN) * 1000 - 10) * 100,
      ) / 100;

    // The storm: a graceful restart (1012 to every socket), a new process on the same port.
    const loadProcess = load.process;
    const restartedAt = performance.now();
    await server.process.stop();
    server = await startServerProcess(storage, { ...serverEnv, PORT: port });
    const listeningMs = performance.now() - restartedAt;
    const submitted = stormValidations(
      tenants.slice(0, 100).map((tenant) => platformClient(String(server?.url), tenant.apiToken)),
      invoices,
    );
    const recovered = await loadProcess.waitForLog(
      (line) => line.msg === 'storm-recovered',
      600_000,
    );
    const storm = await submitted;

    return {
      'idle connections': {
        connections: count,
        'connect all, s': Math.round(Number(connected.ms) / 100) / 10,
        'server RSS before, MB': mb(baseline.rss),
        'server RSS after, MB': mb(loaded.rss),
        'RSS per connection, KB': Math.round((loaded.rss - baseline.rss) / count / 102.4) / 10,
        'heap per connection, KB': Math.round((loaded.heap - baseline.heap) / count / 102.4) / 10,
        'event-loop delay p50, ms': lagMs('p50'),
        'event-loop delay p99, ms': lagMs('p99'),
        'event-loop delay max, ms': lagMs('max'),
      },
      'reconnect storm': {
        connections: count,
        'new server listening, s': Math.round(listeningMs / 100) / 10,
        'all back and authenticated, s': Math.round(Number(recovered.ms) / 100) / 10,
        'reconnect attempts': Number(recovered.reconnectAttempts),
        'upgrades refused': JSON.stringify(recovered.rejected),
        'fell back to long-poll': Number(recovered.onLongPoll),
        ...storm.summary,
      },
      'storm validations, ms to verdict': summarize(storm.latencies),
    };
  } finally {
    await load.process?.stop();
    await server?.process.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
