import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoErpLookupSql, demoErpTable } from '../../scripts/lib/demo-erp.ts';
import type { LoggedProcess } from '../../scripts/lib/logged-process.ts';
import {
  createPostgresDatabase,
  lockErpTable,
  waitUntil,
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
import { writePostgresSyncClientConfig } from '../../scripts/lib/sync-client-config.ts';

const invoice = (numero: number) => ({
  tipoComprobante: 'A',
  numeroComprobante: `0001-${String(numero).padStart(8, '0')}`,
  cuit: '30500017704',
  fecha: '2026-03-15',
  importe: '100.00',
});

const serverEnv = { SYNC_WAIT_MS: '0', SWEEP_INTERVAL_MS: '200', MAX_IN_FLIGHT_PER_AGENT: '2' };

/**
 * kill -9 of a sync-client or of the server while requests are in flight. A lookup is held in
 * flight for real: the test locks the ERP table, so the sync-client's SELECT waits on the lock.
 */
describe('delivery survives kill -9 (PostgreSQL server, PostgreSQL ERP)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-kill-'));
  const configPath = join(dataDir, 'sync-client.yaml');
  let cotejo: PostgresDatabase;
  let erp: PostgresDatabase;
  let db: pg.Client;
  let storage: StorageEnv;
  let server: ServerProcess;
  let credentials: Awaited<ReturnType<typeof createTenantWithCredentials>>;
  const clients: LoggedProcess[] = [];

  const state = async (id: string) =>
    (
      await db.query<{ state: string; status: string; attempts: number; verdicts: number }>(
        `select state, status, attempts,
                (select count(*) from verdicts v where v.request_id = r.id)::int as verdicts
         from validation_requests r where id = $1::uuid`,
        [id],
      )
    ).rows[0];
  const lockErp = () => lockErpTable(erp.url);
  const startClient = async () => {
    const client = await startSyncClient(configPath, credentials.agentKey);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    cotejo = await createPostgresDatabase('cotejo_e2e_kill');
    erp = await createPostgresDatabase('cotejo_e2e_erp');
    const seed = new pg.Client({ connectionString: erp.url });
    await seed.connect();
    await seed.query(demoErpTable);
    for (let numero = 1; numero <= 10; numero++) {
      await seed.query(
        `insert into facturas (id, tipo, numero_comprobante, punto_venta, numero, cuit, fecha,
                               importe, razon_social)
         values ($1, 'A', $2, 1, $1, '30-50001770-4', '2026-03-15', 100.00, 'Proveedor SA')`,
        [numero, `0001-${String(numero).padStart(8, '0')}`],
      );
    }
    await seed.end();
    db = new pg.Client({ connectionString: cotejo.url });
    await db.connect();
    storage = { dataDir, databaseUrl: cotejo.url };
    server = await startServerProcess(storage, serverEnv);
    credentials = await createTenantWithCredentials(storage, 'Kill');
    writePostgresSyncClientConfig(configPath, {
      serverUrl: server.url,
      erpUrl: erp.url,
      lookupSql: demoErpLookupSql,
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop('SIGKILL')));
    await server?.process.stop();
    await db?.end();
    await cotejo?.drop();
    await erp?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('kill -9 of the sync-client holding a request: its restart completes it, one verdict', async () => {
    const api = platformClient(server.url, credentials.apiToken);
    const holding = await startClient();
    const release = await lockErp();
    const { body } = await api.validate(invoice(1));
    await waitUntil(
      async () => ((await state(body.id))?.state === 'delivered' ? true : undefined),
      'the request in flight',
    );
    holding.child.kill('SIGKILL');
    await holding.exited;
    await release();
    await startClient();
    const done = await waitUntil(async () => {
      const row = await state(body.id);
      return row?.state === 'completed' ? row : undefined;
    }, 'the verdict');
    expect(done).toEqual({ state: 'completed', status: 'OK', attempts: 2, verdicts: 1 });
  });

  it('kill -9 of the server with requests pending and in flight: after restart all complete', async () => {
    const api = platformClient(server.url, credentials.apiToken);
    const release = await lockErp();
    const ids: string[] = [];
    for (const numero of [2, 3, 4, 5]) ids.push((await api.validate(invoice(numero))).body.id);
    // Two in flight (the per-client cap), two still queued.
    await waitUntil(async () => {
      const rows = await Promise.all(ids.map(state));
      return rows.filter((row) => row?.state === 'delivered').length === 2 ? true : undefined;
    }, 'two requests in flight');

    server.process.child.kill('SIGKILL');
    await server.process.exited;
    const port = new URL(server.url).port;
    server = await startServerProcess(storage, { ...serverEnv, PORT: port });
    await release();

    const rows = await waitUntil(
      async () => {
        const all = await Promise.all(ids.map(state));
        return all.every((row) => row?.state === 'completed') ? all : undefined;
      },
      'every request completed',
      60_000,
    );
    expect(rows.map((row) => [row?.status, row?.verdicts])).toEqual(ids.map(() => ['OK', 1]));
  });
});
