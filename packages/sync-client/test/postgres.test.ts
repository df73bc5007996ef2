import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { NetworkDatabaseSettings } from '../src/drivers/driver.ts';
import { PostgresDriver } from '../src/drivers/postgres/postgres-driver.ts';
import { closedPort } from './closed-port.ts';
import { describeDriverConformance } from './driver-conformance.ts';

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' };
let database = '';
let writable: pg.Client;
const settings = (changes: Partial<NetworkDatabaseSettings> = {}): NetworkDatabaseSettings => ({
  kind: 'postgres',
  ...server,
  database,
  ssl: false,
  maxConnections: 4,
  ...changes,
});

describeDriverConformance({
  kind: 'postgres',
  columnTypes: { integer: 'integer', text: 'varchar(200)', decimal: 'numeric(15,2)', date: 'date' },
  async setup() {
    database = `cotejo_sync_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ ...server, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    writable = new pg.Client({ ...server, database });
    await writable.connect();
    return {
      driver: new PostgresDriver(settings()),
      exec: async (sql: string) => (await writable.query<Record<string, unknown>>(sql)).rows,
      teardown: async () => {
        await writable.end();
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.end();
      },
    };
  },
  badLogin: () => new PostgresDriver(settings({ user: 'cotejo_sin_usuario' })),
  unreachable: async () => new PostgresDriver(settings({ port: await closedPort() })),
  dropConnections: async () => {
    await writable.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  },
  slowQuery: {
    sql: 'SELECT pg_sleep(30) AS cuit',
    countRunning: `SELECT count(*) AS n FROM pg_stat_activity
      WHERE query LIKE '%pg_sleep(30)%' AND state = 'active' AND pid <> pg_backend_pid()`,
  },
});
