import { once } from 'node:events';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardSelect } from '../src/config/sql-guard.ts';
import {
  AgentConnection,
  type AgentConnectionOptions,
} from '../src/connection/agent-connection.ts';
import type { AgentEvent } from '../src/connection/agent-events.ts';
import { SqliteDriver } from '../src/drivers/sqlite/sqlite-driver.ts';
import { createLookupRunner } from '../src/lookup/lookup-runner.ts';
import { startAgentServer } from './agent-test-server.ts';
import { injection, sampleInvoice as invoice } from './invoice-fixtures.ts';
import { createSqliteErp, facturasLookup } from './sqlite-erp.ts';

type EventOf<T extends AgentEvent['type']> = Extract<AgentEvent, { type: T }>;

function nextEvent<T extends AgentEvent['type']>(
  connection: AgentConnection,
  type: T,
): Promise<EventOf<T>> {
  return new Promise((resolve) => {
    const unsubscribe = connection.on((event) => {
      if (event.type !== type) return;
      unsubscribe();
      resolve(event as EventOf<T>);
    });
  });
}

describe('AgentConnection', () => {
  let erp: ReturnType<typeof createSqliteErp>;
  let driver: SqliteDriver;
  let server: Awaited<ReturnType<typeof startAgentServer>>;
  let connection: AgentConnection | undefined;

  const connect = (
    options: Partial<AgentConnectionOptions> = {},
    listener?: (event: AgentEvent) => void,
  ) => {
    const statement = guardSelect(facturasLookup, 'sqlite');
    if (!statement.ok) throw new Error(statement.reason);
    const runner = createLookupRunner({
      driver,
      queryTimeoutMs: 5000,
      maxConcurrentLookups: 2,
      lookups: [{ name: 'facturas', sql: facturasLookup, statement: statement.statement }],
    });
    connection = new AgentConnection({
      serverUrl: server.url,
      key: 'clave-de-prueba',
      runner,
      hello: {
        version: '9.9.9',
        hostname: hostname(),
        database: 'sqlite',
        lookups: ['facturas'],
        queries: [],
      },
      backoff: { baseMs: 10, capMs: 50 },
      random: () => 0,
      ...options,
    });
    if (listener) connection.on(listener);
    connection.start();
    return connection;
  };

  beforeEach(async () => {
    erp = createSqliteErp();
    driver = new SqliteDriver({ kind: 'sqlite', path: erp.path });
    await driver.connect();
    server = await startAgentServer();
  });
  afterEach(async () => {
    await connection?.stop();
    await server.close();
    await driver.close();
    erp[Symbol.dispose]();
  });

  it('connects with the key and subprotocol and says hello first', async () => {
    connect();
    const peer = await server.nextConnection();
    expect(peer.headers.authorization).toBe('Bearer clave-de-prueba');
    expect(peer.socket.protocol).toBe('cotejo.v1');
    expect(await peer.next()).toEqual({
      jsonrpc: '2.0',
      method: 'agent.hello',
      params: {
        version: '9.9.9',
        hostname: hostname(),
        database: 'sqlite',
        lookups: ['facturas'],
        queries: [],
        transport: 'websocket',
      },
    });
  });

  it('answers invoice.lookup with the local rows mapped to canonical fields', async () => {
    connect();
    const peer = await server.nextConnection();
    await peer.next();
    const response = await peer.request('invoice.lookup', invoice);
    expect(response).toMatchObject({
      jsonrpc: '2.0',
      result: {
        lookup: 'facturas',
        rows: [
          {
            numeroComprobante: '0001-00001234',
            cuit: '30712345675',
            fecha: '2024-03-15',
            importe: '1234.56',
            razonSocial: 'ACME SA',
          },
        ],
      },
    });
    const missing = await peer.request('invoice.lookup', { ...invoice, numero: 1 });
    expect(missing).toMatchObject({ result: { rows: [] } });
  });

  it('refuses an invalid invoice, such as an injection attempt, and leaves the ERP intact', async () => {
    connect();
    const peer = await server.nextConnection();
    await peer.next();
    const response = await peer.request('invoice.lookup', {
      ...invoice,
      numeroComprobante: injection,
    });
    expect(response).toMatchObject({ error: { code: -32602, data: { code: 'BAD_REQUEST' } } });
    expect(erp.count()).toBe(1);
  });

  it('answers unknown methods with -32601 and query.run with QUERY_NOT_ALLOWED', async () => {
    connect();
    const peer = await server.nextConnection();
    await peer.next();
    expect(await peer.request('sql.execute', { sql: 'DROP TABLE facturas' })).toMatchObject({
      error: { code: -32601, data: { code: 'METHOD_NOT_FOUND' } },
    });
    expect(await peer.request('query.run', { name: 'saldos', params: {} })).toMatchObject({
      error: { code: -32010, data: { code: 'QUERY_NOT_ALLOWED' } },
    });
    expect(erp.count()).toBe(1);
  });

  it('answers a frame that is not JSON with an error for id null', async () => {
    connect();
    const peer = await server.nextConnection();
    await peer.next();
    peer.socket.send('{no es json');
    expect(await peer.next()).toMatchObject({
      id: null,
      error: { data: { code: 'INVALID_FRAME' } },
    });
  });

  it('reconnects and says hello again after the server drops the connection', async () => {
    const client = connect();
    const first = await server.nextConnection();
    await first.next();
    const scheduled = nextEvent(client, 'reconnect-scheduled');
    first.socket.terminate();
    expect(await scheduled).toMatchObject({ attempt: 1 });
    const second = await server.nextConnection();
    expect(await second.next()).toMatchObject({ method: 'agent.hello' });
    expect(await second.request('invoice.lookup', invoice)).toHaveProperty('result');
  });

  it('resets the backoff attempts after a connection that stayed up', async () => {
    const attempts: number[] = [];
    connect({ stableConnectionMs: 0 }, (event) => {
      if (event.type === 'reconnect-scheduled') attempts.push(event.attempt);
    });
    for (let drop = 0; drop < 2; drop += 1) {
      const peer = await server.nextConnection();
      await peer.next();
      peer.socket.terminate();
    }
    const peer = await server.nextConnection();
    await peer.next();
    expect(attempts).toEqual([1, 1]);
  });

  it('reports a rejected key and keeps retrying with backoff until it is accepted', async () => {
    server.state.acceptedKey = 'otra-clave';
    const seen: AgentEvent[] = [];
    let retriedTwice: () => void = () => undefined;
    const retried = new Promise<void>((resolve) => (retriedTwice = resolve));
    connect({ random: () => 0.5 }, (event) => {
      seen.push(event);
      if (event.type === 'reconnect-scheduled' && event.attempt === 2) retriedTwice();
    });
    await retried;
    expect(seen.filter((event) => event.type !== 'connecting')).toEqual([
      { type: 'rejected', status: 401 },
      { type: 'disconnected', code: 1006, reason: '', uptimeMs: null },
      { type: 'reconnect-scheduled', attempt: 1, delayMs: 5 },
      { type: 'rejected', status: 401 },
      { type: 'disconnected', code: 1006, reason: '', uptimeMs: null },
      { type: 'reconnect-scheduled', attempt: 2, delayMs: 10 },
    ]);
    server.state.acceptedKey = 'clave-de-prueba';
    const peer = await server.nextConnection();
    expect(await peer.next()).toMatchObject({ method: 'agent.hello' });
  });

  it('waits as long as a busy server says (503 + Retry-After), spread by jitter, on WebSocket', async () => {
    server.state.busyRetryAfterSeconds = 1;
    const seen: AgentEvent[] = [];
    const scheduled = new Promise<void>((resolve) =>
      connect({ random: () => 0.5 }, (event) => {
        seen.push(event);
        if (event.type === 'reconnect-scheduled') resolve();
      }),
    );
    await scheduled;
    expect(seen.filter((event) => event.type !== 'connecting')).toEqual([
      { type: 'rejected', status: 503 },
      { type: 'disconnected', code: 1006, reason: '', uptimeMs: null },
      // Retry-After (1 s) plus half a backoff base; the attempt counter does not grow.
      { type: 'reconnect-scheduled', attempt: 0, delayMs: 1005 },
    ]);
    server.state.busyRetryAfterSeconds = null;
    const peer = await server.nextConnection();
    expect(await peer.next()).toMatchObject({ method: 'agent.hello' });
  });

  it('treats a server silent for two heartbeat intervals as dead and reconnects', async () => {
    const client = connect({ heartbeatIntervalMs: 25 });
    const first = await server.nextConnection();
    expect(await nextEvent(client, 'heartbeat-timeout')).toEqual({
      type: 'heartbeat-timeout',
      silentMs: 50,
    });
    await once(first.socket, 'close');
    const second = await server.nextConnection();
    expect(await second.next()).toMatchObject({ method: 'agent.hello' });
  });

  it('stops: closes with 1000 and does not reconnect', async () => {
    const client = connect();
    const peer = await server.nextConnection();
    await peer.next();
    const closed = once(peer.socket, 'close');
    const stopped = nextEvent(client, 'stopped');
    const events: AgentEvent['type'][] = [];
    client.on((event) => events.push(event.type));
    await client.stop();
    await stopped;
    expect((await closed)[0]).toBe(1000);
    expect(events).not.toContain('reconnect-scheduled');
  });
});
