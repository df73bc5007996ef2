import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { NetworkDatabaseSettings } from '../src/drivers/driver.ts';
import { MysqlDriver } from '../src/drivers/mysql/mysql-driver.ts';
import { closedPort } from './closed-port.ts';
import { describeDriverConformance } from './driver-conformance.ts';

const server = { host: '127.0.0.1', port: 3306, user: 'root' };
let database = '';
let writable: mysql.Connection;
const settings = (changes: Partial<NetworkDatabaseSettings> = {}): NetworkDatabaseSettings => ({
  kind: 'mysql',
  ...server,
  database,
  ssl: false,
  maxConnections: 4,
  ...changes,
});

describeDriverConformance({
  kind: 'mysql',
  columnTypes: { integer: 'INT', text: 'VARCHAR(200)', decimal: 'DECIMAL(15,2)', date: 'DATE' },
  async setup() {
    database = `cotejo_sync_${randomBytes(6).toString('hex')}`;
    const admin = await mysql.createConnection(server);
    await admin.query(`CREATE DATABASE ${database}`);
    writable = await mysql.createConnection({ ...server, database });
    return {
      driver: new MysqlDriver(settings()),
      exec: async (sql: string) => {
        const [rows] = await writable.query(sql);
        return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
      },
      teardown: async () => {
        await writable.end();
        await admin.query(`DROP DATABASE IF EXISTS ${database}`);
        await admin.end();
      },
    };
  },
  badLogin: () => new MysqlDriver(settings({ user: 'cotejo_sin_usuario', password: 'mala' })),
  unreachable: async () => new MysqlDriver(settings({ port: await closedPort() })),
  dropConnections: async () => {
    const [rows] = await writable.query(
      'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()',
      [database],
    );
    for (const { id } of rows as { id: number }[]) {
      await writable.query(`KILL ${Math.trunc(id)}`).catch(() => undefined);
    }
  },
  slowQuery: {
    sql: 'SELECT SLEEP(30) AS cuit',
    countRunning: `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST
      WHERE INFO LIKE '%SLEEP(30)%' AND ID <> CONNECTION_ID()`,
  },
});
