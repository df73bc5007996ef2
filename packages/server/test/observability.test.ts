import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../src/events/event-bus.ts';
import { createLogger } from '../src/logger.ts';
import { invoiceInput, matchingRow } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

/** The value of one sample line of the exposition text (`name{labels} value`). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A logger writing into an array of parsed lines. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('debug', destination), lines };
}

describe('observability: /metrics, /healthz, /readyz', () => {
  let server: TestServer;
  let tenant: TestTenant;
  const scrape = async () => {
    const response = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return response.body;
  };

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 0 });
    tenant = await server.createTenant();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers /healthz and /readyz while the database answers and is migrated', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ ok: true });
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      ok: true,
      checks: { ready: true, database: true, migrations: true },
    });
  });

  it('answers /readyz 503 UNAVAILABLE when a shipped migration is not applied', async () => {
    const [latest] = await server.db.query<{ version: number; name: string }>(
      'select version, name from schema_migrations order by version desc limit 1',
    );
    if (!latest) throw new Error('no migrations recorded');
    await server.db.query('delete from schema_migrations where version = $1::int', [
      latest.version,
    ]);
    try {
      const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        error: { code: 'UNAVAILABLE' },
        checks: { ready: false, database: true, migrations: false },
      });
    } finally {
      await server.db.query(
        'insert into schema_migrations (version, name) values ($1::int, $2::text)',
        [latest.version, latest.name],
      );
    }
  });

  it('counts verdicts, round trips, connected clients, queue depth and lease expiries', async () => {
    const client = await server.connectAgent(tenant.key);
    client.autoAnswer(() => [matchingRow]);
    const first = (await server.validate(tenant.token, invoiceInput)).json<{ id: string }>().id;
    await nextEvent(server.events, 'validation.completed', (e) => e.id === first);
    let text = await scrape();
    expect(sample(text, 'cotejo_validations_total{status="OK"}')).toBe(1);
    expect(sample(text, 'cotejo_validation_round_trip_seconds_count')).toBe(1);
    expect(sample(text, 'cotejo_connected_sync_clients{transport="websocket"}')).toBe(1);
    expect(sample(text, 'cotejo_queue_depth{state="queued"}')).toBe(0);
    expect(text).toContain('cotejo_nodejs_eventloop_lag_p99_seconds');
    const left = nextEvent(server.events, 'agent.disconnected');
    await server.closeAgents();
    await left;

    // A silent client holds one request; its lease expires and the sweep returns it.
    const silent = await server.connectAgent(tenant.key);
    const pending = await server.validate(tenant.token, {
      ...invoiceInput,
      numeroComprobante: 'A-0001-00000101',
    });
    const id = pending.json<{ id: string }>().id;
    await silent.lookup(id);
    await server.db.query(
      `update validation_requests set lease_expires_at = now() - interval '1 second',
              created_at = now() - interval '90 seconds' where id = $1::uuid`,
      [id],
    );
    text = await scrape();
    expect(sample(text, 'cotejo_queue_depth{state="delivered"}')).toBe(1);
    expect(sample(text, 'cotejo_oldest_pending_request_age_seconds')).toBeGreaterThanOrEqual(90);
    const requeued = nextEvent(server.events, 'validation.requeued', (e) => e.id === id);
    await server.app.sweeper.sweepOnce();
    await requeued;
    text = await scrape();
    expect(sample(text, 'cotejo_lease_expiries_total')).toBe(1);
    expect(sample(text, 'cotejo_redeliveries_total{reason="leaseExpired"}')).toBe(1);
    const gone = nextEvent(server.events, 'agent.disconnected');
    await server.closeAgents();
    await gone;
    text = await scrape();
    expect(sample(text, 'cotejo_connected_sync_clients{transport="websocket"}')).toBeUndefined();
  });
});

describe('logs: request ids and redacted secrets', () => {
  it('redacts keys, tokens, passwords and authorization wherever they sit', () => {
    const { logger, lines } = capturedLogger();
    logger.info(
      {
        token: 'ct_secret1',
        key: 'ck_secret2',
        password: 'hunter2-secret3',
        agent: { apiKey: 'secret4', agentKey: 'ck_secret5' },
        req: { headers: { authorization: 'Bearer secret6', cookie: 'sid=secret7' } },
        res: { headers: { 'set-cookie': 'sid=secret8' } },
        kept: 'visible',
      },
      'with secrets',
    );
    const [line = ''] = lines;
    expect(line).not.toMatch(/secret\d/);
    expect(JSON.parse(line)).toMatchObject({
      token: '[redactado]',
      agent: { apiKey: '[redactado]', agentKey: '[redactado]' },
      kept: 'visible',
    });
  });

  it('logs every request with its id (the caller’s X-Request-Id if sane) and no secret', async () => {
    const { logger, lines } = capturedLogger();
    const server = await startTestServer({}, { logger });
    try {
      const tenant = await server.createTenant();
      const traced = await server.app.inject({
        method: 'GET',
        url: `/api/validaciones/00000000-0000-4000-8000-000000000000`,
        headers: { authorization: `Bearer ${tenant.token}`, 'x-request-id': 'trace-42' },
      });
      expect(traced.headers['x-request-id']).toBe('trace-42');
      const fresh = await server.app.inject({
        method: 'GET',
        url: `/ws?tenantId=${tenant.id}&apiKey=${tenant.key}`,
        headers: { 'x-request-id': 'not a valid id; drop table' },
      });
      expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(parsed.some((line) => line.reqId === 'trace-42')).toBe(true);
      expect(parsed.some((line) => line.reqId === fresh.headers['x-request-id'])).toBe(true);
      const all = lines.join('');
      expect(all).not.toContain(tenant.token);
      expect(all).not.toContain(tenant.key);
    } finally {
      await server.stop();
    }
  });
});
