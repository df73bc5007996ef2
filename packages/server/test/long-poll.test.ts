import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPresence } from '../src/agents/presence.ts';
import { nextEvent } from '../src/events/event-bus.ts';
import { invoiceInput, matchingRow } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

interface LookupRequest {
  jsonrpc: '2.0';
  id: string;
  method: string;
  params: Record<string, unknown>;
}

/** The long-poll transport over real HTTP, written from the contract. */
describe('long-poll transport', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let session: string | undefined;

  const headers = () => ({
    authorization: `Bearer ${tenant.key}`,
    ...(session && { 'cotejo-session': session }),
  });
  const poll = async (wait: number) => {
    const response = await fetch(`${server.url}/api/agent/requests?wait=${wait}`, {
      headers: headers(),
    });
    session = response.headers.get('cotejo-session') ?? session;
    return { status: response.status, body: (await response.json()) as LookupRequest[] };
  };
  const respond = async (frames: unknown[]) => {
    const response = await fetch(`${server.url}/api/agent/responses`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify(frames),
    });
    session = response.headers.get('cotejo-session') ?? session;
    return { status: response.status, body: (await response.json()) as unknown[] };
  };

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 0 });
    tenant = await server.createTenant();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('says hello, then a waiting poll receives a request enqueued meanwhile', async () => {
    const hello = await respond([
      {
        jsonrpc: '2.0',
        method: 'agent.hello',
        params: {
          version: '1.0.0',
          hostname: 'erp-detras-de-proxy',
          database: 'sqlite',
          lookups: ['facturas'],
          transport: 'long-poll',
          fallbackReason: 'El servidor o un proxy rechaza el WebSocket (HTTP 403)',
        },
      },
    ]);
    expect(hello).toEqual({ status: 200, body: [] });
    expect(session).toBeDefined();

    const waiting = nextEvent(server.events, 'agent.poll_waiting');
    const polled = poll(25);
    await waiting;
    const submitted = await server.validate(tenant.token, invoiceInput);
    const id = submitted.json<{ id: string }>().id;
    const { status, body } = await polled;
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ id, method: 'invoice.lookup', params: { deadlineMs: 24_000 } });

    const completed = nextEvent(server.events, 'validation.completed', (e) => e.id === id);
    const answered = await respond([{ jsonrpc: '2.0', id, result: { rows: [matchingRow] } }]);
    expect(answered).toEqual({ status: 200, body: [] });
    expect(await completed).toMatchObject({ status: 'OK' });

    const presence = await listPresence(server.db, tenant.id);
    expect(presence).toEqual([
      expect.objectContaining({
        transport: 'long-poll',
        hostname: 'erp-detras-de-proxy',
        fallbackReason: 'El servidor o un proxy rechaza el WebSocket (HTTP 403)',
      }),
    ]);
  });

  it('claims queued requests at once and answers an empty batch when nothing comes', async () => {
    const id = (await server.validate(tenant.token, invoiceInput)).json<{ id: string }>().id;
    expect((await poll(0)).body.map((r) => r.id)).toEqual([id]);
    expect(await poll(0)).toEqual({ status: 200, body: [] });
    const duplicate = await respond([
      { jsonrpc: '2.0', id, result: { rows: [] } },
      { jsonrpc: '2.0', id, result: { rows: [matchingRow] } },
      { jsonrpc: '2.0', id: '00000000-0000-4000-8000-000000000000', result: { rows: [] } },
    ]);
    expect(duplicate.body).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: -32007 }) as unknown }),
    ]);
    const view = (await server.validation(tenant.token, id)).json<{ status: string }>();
    expect(view.status).toBe('NO_ENCONTRADO');
  });

  it('refuses a poll without a valid key and a wait beyond the limit', async () => {
    const noKey = await fetch(`${server.url}/api/agent/requests?wait=0`);
    expect(noKey.status).toBe(401);
    expect((await poll(31)).status).toBe(400);
  });

  it('closes a poller that went quiet and returns what it held to the queue', async () => {
    const id = (await server.validate(tenant.token, invoiceInput)).json<{ id: string }>().id;
    expect((await poll(0)).body.map((r) => r.id)).toEqual([id]);
    await server.db.query(
      `update agent_sessions set last_seen_at = now() - interval '1 hour' where id = $1::uuid`,
      [session],
    );
    const requeued = nextEvent(server.events, 'validation.requeued', (e) => e.id === id);
    await server.app.sweeper.sweepOnce();
    expect(await requeued).toMatchObject({ reason: 'pollerGone' });
    expect(await listPresence(server.db, tenant.id)).toEqual([]);
    const again = await poll(0);
    expect(again.body.map((r) => r.id)).toEqual([id]);
  });
});
