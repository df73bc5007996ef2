import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardSelect } from '../src/config/sql-guard.ts';
import { AgentConnection } from '../src/connection/agent-connection.ts';
import { SqliteDriver } from '../src/drivers/sqlite/sqlite-driver.ts';
import { createLookupRunner } from '../src/lookup/lookup-runner.ts';
import { startAgentServer } from './agent-test-server.ts';
import { sampleInvoice as invoice } from './invoice-fixtures.ts';
import { createSqliteErp, facturasLookup } from './sqlite-erp.ts';

describe('request deadlines', () => {
  let erp: ReturnType<typeof createSqliteErp>;
  let driver: SqliteDriver;
  let server: Awaited<ReturnType<typeof startAgentServer>>;
  let connection: AgentConnection;

  beforeEach(async () => {
    erp = createSqliteErp();
    driver = new SqliteDriver({ kind: 'sqlite', path: erp.path });
    await driver.connect();
    server = await startAgentServer();
    const statement = guardSelect(facturasLookup, 'sqlite');
    if (!statement.ok) throw new Error(statement.reason);
    connection = new AgentConnection({
      serverUrl: server.url,
      key: 'clave-de-prueba',
      runner: createLookupRunner({
        driver,
        queryTimeoutMs: 5000,
        maxConcurrentLookups: 1,
        lookups: [{ name: 'facturas', sql: facturasLookup, statement: statement.statement }],
      }),
      hello: {
        version: '9.9.9',
        hostname: hostname(),
        database: 'sqlite',
        lookups: ['facturas'],
        queries: [],
      },
      backoff: { baseMs: 10, capMs: 50 },
    });
    connection.start();
  });
  afterEach(async () => {
    await connection.stop();
    await server.close();
    await driver.close();
    erp[Symbol.dispose]();
  });

  it('skips a request whose deadline has passed and answers DEADLINE_EXCEEDED without running it', async () => {
    const seen: string[] = [];
    connection.on((event) => {
      if (event.type === 'request-answered') seen.push(event.outcome);
    });
    const peer = await server.nextConnection();
    await peer.next();
    const skipped = await peer.request('invoice.lookup', { ...invoice, deadlineMs: 0 });
    expect(skipped).toMatchObject({ error: { code: -32013, data: { code: 'DEADLINE_EXCEEDED' } } });
    expect(seen).toEqual(['DEADLINE_EXCEEDED']);
  });

  it('runs a request within its deadline as usual', async () => {
    const peer = await server.nextConnection();
    await peer.next();
    const answered = await peer.request('invoice.lookup', { ...invoice, deadlineMs: 10_000 });
    expect(answered).toMatchObject({ result: { lookup: 'facturas' } });
  });
});
