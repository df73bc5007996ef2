import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../src/events/event-bus.ts';
import { invoiceInput, matchingRow } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

/** Requests posted while no sync-client is connected wait in the queue (SYNC_WAIT_MS = 0). */
describe('queue: delivery and results', () => {
  let server: TestServer;
  let tenant: TestTenant;

  const submit = async (token = tenant.token) => {
    const response = await server.validate(token, invoiceInput);
    expect(response.statusCode).toBe(202);
    return response.json<{ id: string }>().id;
  };
  const view = async (id: string) =>
    (await server.validation(tenant.token, id)).json<{
      status: string;
      verdict: { differences: unknown[] } | null;
      completedAt: unknown;
    }>();
  const connect = (key = tenant.key) => server.connectAgent(key);
  const verdictCount = async (id: string) =>
    (
      await server.db.query<{ n: number }>(
        'select count(*)::int as n from verdicts where request_id = $1::uuid',
        [id],
      )
    )[0]?.n;

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 0 });
    tenant = await server.createTenant();
  });
  afterEach(() => server.closeAgents());
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps requests while no client is connected and pushes them, oldest first, on connect', async () => {
    const first = await submit();
    const second = await submit();
    const client = await connect();
    await client.lookup(second);
    const lookups = client.frames.filter((frame) => frame.method === 'invoice.lookup');
    expect(lookups.map((frame) => frame.id)).toEqual([first, second]);
    expect(lookups[0]?.params).toMatchObject({ cuit: '30500017704', fecha: '2026-03-15' });
  });

  it('answers 202 PENDIENTE, then GET shows the final state once a client answered', async () => {
    const id = await submit();
    expect(await view(id)).toMatchObject({ status: 'PENDIENTE', verdict: null, completedAt: null });
    const client = await connect();
    await client.lookup(id);
    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    client.answer(id, []);
    await completed;
    expect(await view(id)).toMatchObject({ status: 'NO_ENCONTRADO', verdict: { exists: false } });
  });

  it('accepts a result once: a second answer changes nothing', async () => {
    const id = await submit();
    const client = await connect();
    await client.lookup(id);
    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    client.answer(id, [matchingRow]);
    await completed;
    const duplicate = nextEvent(server.events, 'validation.result_rejected', (e) => e.id === id);
    client.answer(id, [{ ...matchingRow, importe: '9.99' }]);
    expect(await duplicate).toMatchObject({ code: 'ALREADY_COMPLETED' });
    expect(await view(id)).toMatchObject({ status: 'OK', verdict: { differences: [] } });
    expect(await verdictCount(id)).toBe(1);
    expect(client.frames.some((frame) => frame.error)).toBe(false);
  });

  it('rejects an answer for another tenant’s request and leaves that request intact', async () => {
    const intruder = await server.createTenant('Intruso');
    const id = await submit();
    const owner = await connect();
    await owner.lookup(id);
    const stranger = await connect(intruder.key);
    stranger.answer(id, [matchingRow]);
    const error = await stranger.next((frame) => frame.error !== undefined);
    expect(error.error?.data?.code).toBe('UNKNOWN_REQUEST');
    expect(await view(id)).toMatchObject({ status: 'PENDIENTE' });
    expect(await verdictCount(id)).toBe(0);

    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    owner.answer(id, [{ ...matchingRow, importe: '1499.00' }]);
    expect(await completed).toMatchObject({ status: 'DIFERENCIAS' });
    expect(await view(id)).toMatchObject({ status: 'DIFERENCIAS' });
  });

  it('answers an unknown request id with UNKNOWN_REQUEST', async () => {
    const client = await connect();
    client.answer('00000000-0000-4000-8000-000000000000', []);
    client.answer('not-a-uuid', []);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const error = await client.next((frame) => frame.error?.message.includes(id) === true);
      expect(error.error?.data?.code).toBe('UNKNOWN_REQUEST');
    }
  });

  it('puts the requests of a client that disconnects without answering back in the queue', async () => {
    const id = await submit();
    const leaving = await connect();
    await leaving.lookup(id);
    const disconnected = nextEvent(server.events, 'agent.disconnected');
    await leaving.close();
    await disconnected;
    const returning = await connect();
    await returning.lookup(id);
    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    returning.answer(id, [matchingRow]);
    expect(await completed).toMatchObject({ status: 'OK' });
    const [row] = await server.db.query<{ attempts: number }>(
      'select attempts from validation_requests where id = $1::uuid',
      [id],
    );
    expect(row?.attempts).toBe(2);
  });
});
