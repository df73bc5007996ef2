import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../src/events/event-bus.ts';
import { invoiceInput, matchingRow } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

/** Leases, attempts, deadlines and the TTL, driven by back-dating rows and calling the sweep. */
describe('delivery: leases and redelivery', () => {
  let server: TestServer;
  let tenant: TestTenant;

  const submit = async () => {
    const response = await server.validate(tenant.token, invoiceInput);
    expect(response.statusCode).toBe(202);
    return response.json<{ id: string }>().id;
  };
  const row = async (id: string) =>
    (
      await server.db.query<{
        state: string;
        status: string;
        attempts: number;
        error: { code: string; message: string } | null;
      }>('select state, status, attempts, error from validation_requests where id = $1::uuid', [id])
    )[0];
  const verdicts = async (id: string) =>
    (
      await server.db.query<{ n: number }>(
        'select count(*)::int as n from verdicts where request_id = $1::uuid',
        [id],
      )
    )[0]?.n;
  const expireLease = (id: string) =>
    server.db.query(
      `update validation_requests set lease_expires_at = now() - interval '1 second'
       where id = $1::uuid`,
      [id],
    );

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 0, maxAttempts: 3, leaseMs: 30_000 });
    tenant = await server.createTenant();
  });
  afterEach(() => server.closeAgents());
  afterAll(async () => {
    await server?.stop();
  });

  it('sends each request with a deadline inside its lease', async () => {
    const id = await submit();
    const client = await server.connectAgent(tenant.key);
    const lookup = await client.lookup(id);
    expect(lookup.params).toMatchObject({ deadlineMs: 24_000, cuit: '30500017704' });
  });

  it('redelivers a request whose lease expired, at once, counting attempts', async () => {
    const id = await submit();
    const slow = await server.connectAgent(tenant.key);
    await slow.lookup(id);
    await expireLease(id);
    const requeued = nextEvent(server.events, 'validation.requeued', (e) => e.id === id);
    await server.app.sweeper.sweepOnce();
    expect(await requeued).toMatchObject({ reason: 'leaseExpired' });
    // The only client is the slow one: it gets the request again.
    await slow.next((f) => f.id === id && slow.frames.filter((g) => g.id === id).length === 2);
    expect(await row(id)).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('stores ERROR with DELIVERY_FAILED and the reason after the last attempt', async () => {
    const id = await submit();
    const client = await server.connectAgent(tenant.key);
    await client.lookup(id);
    for (let attempt = 1; attempt < 3; attempt++) {
      await expireLease(id);
      const requeued = nextEvent(server.events, 'validation.delivered', (e) => e.id === id);
      await server.app.sweeper.sweepOnce();
      await requeued;
    }
    await expireLease(id);
    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    await server.app.sweeper.sweepOnce();
    expect(await completed).toMatchObject({ status: 'ERROR' });
    const failed = await row(id);
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: { code: 'DELIVERY_FAILED' },
    });
    expect(failed?.error?.message).toMatch(/3 veces.*plazo de entrega/);
  });

  it('stores SIN_CONEXION for a request nobody answered within REQUEST_TTL', async () => {
    const id = await submit();
    await server.db.query(
      `update validation_requests set expires_at = now() - interval '1 second' where id = $1::uuid`,
      [id],
    );
    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    await server.app.sweeper.sweepOnce();
    expect(await completed).toMatchObject({ status: 'SIN_CONEXION' });
    const view = (await server.validation(tenant.token, id)).json<{
      status: string;
      error: { code: string; message: string };
    }>();
    expect(view).toMatchObject({ status: 'SIN_CONEXION', error: { code: 'DEADLINE_EXCEEDED' } });
    expect(view.error.message).toMatch(/cliente sin conexión/);
  });

  it('requeues a request the client skipped past its deadline instead of storing an error', async () => {
    const id = await submit();
    const client = await server.connectAgent(tenant.key);
    await client.lookup(id);
    const again = nextEvent(server.events, 'validation.delivered', (e) => e.id === id);
    client.send({
      jsonrpc: '2.0',
      id,
      error: { code: -32013, message: 'vencido', data: { code: 'DEADLINE_EXCEEDED' } },
    });
    await again;
    expect(await row(id)).toMatchObject({ state: 'delivered', status: 'PENDIENTE', attempts: 2 });
    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    client.answer(id, [matchingRow]);
    expect(await completed).toMatchObject({ status: 'OK' });
  });

  it('keeps one verdict when duplicate result frames arrive together', async () => {
    const id = await submit();
    const client = await server.connectAgent(tenant.key);
    await client.lookup(id);
    let rejected = 0;
    const allRejected = new Promise<void>((resolve) =>
      server.events.on('validation.result_rejected', (e) => {
        if (e.id === id && ++rejected === 4) resolve();
      }),
    );
    for (let i = 0; i < 5; i++) client.answer(id, [matchingRow]);
    await allRejected;
    expect(await verdicts(id)).toBe(1);
  });

  it('keeps one verdict when the lease expires while a late result arrives', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await submit();
      const late = await server.connectAgent(tenant.key);
      await late.lookup(id);
      await expireLease(id);
      const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
      late.answer(id, [matchingRow]);
      await server.app.sweeper.sweepOnce();
      expect(await completed).toMatchObject({ status: 'OK' });
      // Whoever won, a redelivery (if any) answered again changes nothing.
      late.answer(id, [{ ...matchingRow, importe: '1.00' }]);
      await nextEvent(server.events, 'validation.result_rejected', (e) => e.id === id);
      expect(await verdicts(id)).toBe(1);
      expect(await row(id)).toMatchObject({ state: 'completed', status: 'OK' });
      await server.closeAgents();
    }
  });
});
