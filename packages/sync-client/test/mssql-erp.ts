import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MssqlSettings } from '../src/drivers/driver.ts';
import {
  startTdsTestServer,
  type TdsTestServer,
  type TdsTestServerOptions,
} from './support/tds/tds-test-server.ts';

/** The login the TDS test server accepts. */
export const mssqlLogin = { user: 'cotejo', password: 'secreta' };

/**
 * A SQL Server stand-in: the TDS test server over a SQLite file in a temporary folder, with a
 * writable side door (`exec`) for seeding; the server itself opens the file read-only.
 */
export async function startMssqlErp(options: Partial<TdsTestServerOptions> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cotejo-mssql-'));
  const path = join(folder, 'erp.sqlite');
  const writable = new Database(path);
  const server: TdsTestServer = await startTdsTestServer({
    sqlitePath: path,
    logins: { [mssqlLogin.user]: mssqlLogin.password },
    ...options,
  });
  const settings = (changes: Partial<MssqlSettings> = {}): MssqlSettings => ({
    kind: 'mssql',
    host: server.host,
    port: server.port,
    ...mssqlLogin,
    database: 'ERP',
    encrypt: false,
    trustServerCertificate: false,
    connectTimeoutMs: 5000,
    maxConnections: 4,
    ...changes,
  });
  return {
    server,
    folder,
    settings,
    exec(sql: string): Record<string, unknown>[] {
      const statement = writable.prepare(sql);
      if (statement.reader) return statement.all() as Record<string, unknown>[];
      statement.run();
      return [];
    },
    async close() {
      await server.close();
      writable.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
