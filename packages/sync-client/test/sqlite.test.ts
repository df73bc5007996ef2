import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDriver } from '../src/drivers/sqlite/sqlite-driver.ts';
import { describeDriverConformance } from './driver-conformance.ts';

describeDriverConformance({
  kind: 'sqlite',
  columnTypes: { integer: 'INTEGER', text: 'TEXT', decimal: 'REAL', date: 'TEXT' },
  setup() {
    const folder = mkdtempSync(join(tmpdir(), 'cotejo-sqlite-'));
    const path = join(folder, 'erp.sqlite');
    const writable = new Database(path);
    return Promise.resolve({
      driver: new SqliteDriver({ kind: 'sqlite', path }),
      exec: (sql: string) => {
        const statement = writable.prepare(sql);
        if (statement.reader) return Promise.resolve(statement.all() as Record<string, unknown>[]);
        statement.run();
        return Promise.resolve([]);
      },
      teardown: () => {
        writable.close();
        rmSync(folder, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
  badLogin: { skipReason: 'SQLite has no logins: a file is opened or it is not' },
  unreachable: () =>
    Promise.resolve(new SqliteDriver({ kind: 'sqlite', path: '/nonexistent/cotejo/erp.sqlite' })),
  dropConnections: { skipReason: 'SQLite runs in-process: there is no server to drop' },
  slowQuery: {
    skipReason:
      'better-sqlite3 runs a statement synchronously on the event loop, so no timer or signal ' +
      'can fire while it runs; the signal is checked before and after the statement',
  },
});
