import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { MysqlDriver } from '../src/drivers/mysql/mysql-driver.ts';
import { describeDriverConformance } from './driver-conformance.ts';

const server = { host: '127.0.0.1', port: 3306, user: 'root' };

describeDriverConformance({
  kind: 'mysql',
  columnTypes: { integer: 'INT', text: 'VARCHAR(200)', decimal: 'DECIMAL(15,2)', date: 'DATE' },
  async setup() {
    const database = `cotejo_sync_${randomBytes(6).toString('hex')}`;
    const admin = await mysql.createConnection(server);
    await admin.query(`CREATE DATABASE ${database}`);
    const writable = await mysql.createConnection({ ...server, database });
    return {
      driver: new MysqlDriver({
        kind: 'mysql',
        ...server,
        database,
        ssl: false,
        maxConnections: 4,
      }),
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
  slowQuery: {
    sql: 'SELECT SLEEP(30) AS cuit',
    countRunning: `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST
      WHERE INFO LIKE '%SLEEP(30)%' AND ID <> CONNECTION_ID()`,
  },
});
