import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../src/events/event-bus.ts';
import type { AgentClient } from './support/agent-client.ts';
import { invoiceInput, matchingRow } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

/** Several sync-clients of one tenant: least in-flight with a per-client cap, failover. */
describe('delivery: several sync-clients per tenant', () => {
  let server: TestServer;
  let tenant: TestTenant;

  const submit = async () =>
    (await server.validate(tenant.token, invoiceInput)).json<{ id: string }>().id;
  const lookups = (client: AgentClient) =>
    client.frames.filter((frame) => frame.method === 'invoice.lookup').map((f) => String(f.id));
  const delivered = (count: number) =>
    new Promise<void>((resolve) => {
      let seen = 0;
      const off = server.events.on('validation.delivered', () => {
        if (++seen === count) {
          off();
          resolve();
        }
      });
    });

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 0, maxInFlightPerAgent: 2 });
    tenant = await server.createTenant();
  });
  afterEach(() => server.closeAgents());
  afterAll(async () => {
    await server?.stop();
  });

  it('spreads requests by least in-flight, never beyond the cap, and refills a freed slot', async () => {
    const first = await server.connectAgent(tenant.key);
    const second = await server.connectAgent(tenant.key);
    const four = delivered(4);
    const ids = [await submit(), await submit(), await submit(), await submit(), await submit()];
    await four;
    const holdingTwo = (client: AgentClient) => client.next(() => lookups(client).length === 2);
    await Promise.all([holdingTwo(first), holdingTwo(second)]);
    expect(lookups(first)).toHaveLength(2);
    expect(lookups(second)).toHaveLength(2);
    const [queued] = ids.filter((id) => ![...lookups(first), ...lookups(second)].includes(id));
    expect(queued).toBeDefined();

    const refilled = nextEvent(server.events, 'validation.delivered', (e) => e.id === queued);
    first.answer(lookups(first)[0] ?? '', [matchingRow]);
    await refilled;
    await first.lookup(queued ?? '');
    for (const client of [first, second]) {
      for (const id of lookups(client)) client.answer(id, [matchingRow]);
    }
  });

  it('lets another client complete the request of one that dies mid-request', async () => {
    const dying = await server.connectAgent(tenant.key);
    const id = await submit();
    await dying.lookup(id);
    const survivor = await server.connectAgent(tenant.key);
    const redelivered = nextEvent(
      server.events,
      'validation.delivered',
      (e) => e.id === id && e.sessionId !== undefined,
    );
    dying.socket.terminate();
    await redelivered;
    await survivor.lookup(id);
    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    survivor.answer(id, [matchingRow]);
    expect(await completed).toMatchObject({ status: 'OK' });
    const [row] = await server.db.query<{ attempts: number; n: number }>(
      `select attempts, (select count(*) from verdicts where request_id = $1::uuid)::int as n
       from validation_requests where id = $1::uuid`,
      [id],
    );
    expect(row).toEqual({ attempts: 2, n: 1 });
  });
});
