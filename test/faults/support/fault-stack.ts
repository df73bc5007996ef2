import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { demoErpLookupSql } from '../../../scripts/lib/demo-erp.ts';
import type { LoggedProcess } from '../../../scripts/lib/logged-process.ts';
import {
  createPostgresDatabase,
  lockErpTable,
  waitUntil,
  type PostgresDatabase,
} from '../../../scripts/lib/postgres-database.ts';
import {
  createTenantWithCredentials,
  platformClient,
  startServerProcess,
  startSyncClient,
  type ServerProcess,
  type StorageEnv,
} from '../../../scripts/lib/stack.ts';
import { writePostgresSyncClientConfig } from '../../../scripts/lib/sync-client-config.ts';
import { expectedStatus, faultInvoice, Ledger, seedFaultErp } from './ledger.ts';

/** Invoices the fault ERP holds; higher numbers are NO_ENCONTRADO. */
export const seededInvoices = 200;

export interface FaultStackOptions {
  /** The Cotejo database; default a fresh database on the machine's PostgreSQL. */
  cotejoUrl?: string;
  /** Where the sync-clients reach the ERP, when something sits in between (a relay). */
  erpPort?: (erp: PostgresDatabase) => Promise<number>;
  serverEnv?: NodeJS.ProcessEnv;
  /** Where the sync-clients reach the server (a relay's port); default the server itself. */
  serverPortForClients?: (serverPort: number) => Promise<number>;
}

/**
 * The real system for fault tests: a server process on PostgreSQL, a PostgreSQL ERP seeded with
 * known invoices, sync-client processes, the platform API and a ledger of accepted requests.
 */
export async function startFaultStack(options: FaultStackOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-faults-'));
  const owned: PostgresDatabase[] = [];
  const erp = await createPostgresDatabase('cotejo_faults_erp');
  owned.push(erp);
  await seedFaultErp(erp.url, seededInvoices);
  let cotejoUrl = options.cotejoUrl;
  if (cotejoUrl === undefined) {
    const cotejo = await createPostgresDatabase('cotejo_faults');
    owned.push(cotejo);
    cotejoUrl = cotejo.url;
  }
  const storage: StorageEnv = { dataDir, databaseUrl: cotejoUrl };
  const serverEnv = {
    SYNC_WAIT_MS: '0',
    SWEEP_INTERVAL_MS: '200',
    MAX_IN_FLIGHT_PER_AGENT: '4',
    ...options.serverEnv,
  };
  let server: ServerProcess = await startServerProcess(storage, serverEnv);
  const serverPort = Number(new URL(server.url).port);
  const credentials = await createTenantWithCredentials(storage, 'Fallas');
  const configPath = join(dataDir, 'sync-client.yaml');
  const erpUrl = new URL(erp.url);
  if (options.erpPort) erpUrl.port = String(await options.erpPort(erp));
  const clientPort = options.serverPortForClients
    ? await options.serverPortForClients(serverPort)
    : serverPort;
  const writeConfig = (path: string, serverUrl: string) =>
    writePostgresSyncClientConfig(path, {
      serverUrl,
      erpUrl: erpUrl.toString(),
      lookupSql: demoErpLookupSql,
    });
  writeConfig(configPath, `http://127.0.0.1:${clientPort}`);
  const clients: LoggedProcess[] = [];
  const sql = async <T extends object>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: cotejoUrl });
    await client.connect();
    try {
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  const ledger = new Ledger(cotejoUrl);
  let api = platformClient(server.url, credentials.apiToken);

  return {
    erp,
    ledger,
    credentials,
    get server() {
      return server;
    },
    get api() {
      return api;
    },
    /**
     * Starts a sync-client process and waits until it is connected; `direct` skips whatever
     * sits between the clients and the server.
     */
    async startClient(options: { direct?: boolean } = {}) {
      let path = configPath;
      if (options.direct) {
        path = join(dataDir, 'sync-client-direct.yaml');
        writeConfig(path, server.url);
      }
      const client = await startSyncClient(path, credentials.agentKey);
      clients.push(client);
      return client;
    },
    /** Posts invoice `n`; an accepted one (an id came back) goes into the ledger. */
    async submit(n: number): Promise<string | null> {
      try {
        const { httpStatus, body } = await api.validate(faultInvoice(n));
        if (httpStatus !== 200 && httpStatus !== 202) return null;
        ledger.accept(body.id, expectedStatus(n, seededInvoices));
        return body.id;
      } catch {
        return null;
      }
    },
    /** kill -9 of the server, then a new one on the same port and database. */
    async crashAndRestartServer() {
      server.process.child.kill('SIGKILL');
      await server.process.exited;
      server = await startServerProcess(storage, { ...serverEnv, PORT: String(serverPort) });
      api = platformClient(server.url, credentials.apiToken);
    },
    /** One statement on the Cotejo database (inspect or back-date rows). */
    sql,
    /** How many requests are in a state (e.g. delivered). */
    async countInState(state: string): Promise<number> {
      const [row] = await sql<{ n: number }>(
        'select count(*)::int as n from validation_requests where state = $1::text',
        [state],
      );
      return row?.n ?? 0;
    },
    /** One sample of the server's `/metrics` (`name{labels}`), or undefined when absent. */
    async metric(series: string): Promise<number | undefined> {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    },
    /** Holds an exclusive lock on the ERP table until the returned function runs. */
    lockErp: () => lockErpTable(erp.url),
    /** Like `waitUntil`, but fails at once, with the server's last lines, if the server died. */
    waitUntil<T>(check: () => Promise<T | undefined>, what: string, timeoutMs?: number) {
      return waitUntil(
        async () => {
          const { child, output } = server.process;
          if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(
              `the server exited while waiting for ${what}:\n${output.slice(-30).join('\n')}`,
            );
          }
          return check();
        },
        what,
        timeoutMs,
      );
    },
    async stop() {
      await Promise.all(clients.map((client) => client.stop('SIGKILL')));
      await server.process.stop();
      for (const database of owned) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type FaultStack = Awaited<ReturnType<typeof startFaultStack>>;
