import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../src/events/event-bus.ts';
import { AgentClient } from './support/agent-client.ts';
import { invoiceInput } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';
import { loginAs, sessionHeaders, type WebLogin } from './support/web-session.ts';

interface Overview {
  conectados: {
    sessionId: string;
    keyId: string;
    hostname: string | null;
    transport: string;
    inFlight: number;
  }[];
  desconectados: { sessionId: string; closeReason: string | null }[];
  claves: { id: string; revokedAt: string | null; connected: boolean }[];
}

describe('sync-clients API (/api/agentes)', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let user: WebLogin;

  const overview = async () =>
    (
      await server.app.inject({ url: '/api/agentes', headers: sessionHeaders(user) })
    ).json<Overview>();

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 0 });
    tenant = await server.createTenant('Empresa A');
    user = await loginAs(server.app, server.admin, tenant.id);
  });
  afterEach(() => server.closeAgents());
  afterAll(async () => {
    await server?.stop();
  });

  it('lists connected sync-clients with hostname, transport and requests in flight', async () => {
    const client = await server.connectAgent(tenant.key);
    client.hello('erp-contable');
    await nextEvent(server.events, 'agent.hello');
    const delivered = nextEvent(server.events, 'validation.delivered');
    await server.validate(tenant.token, invoiceInput);
    await delivered;
    const { conectados, claves } = await overview();
    expect(conectados).toEqual([
      expect.objectContaining({
        keyId: tenant.keyId,
        hostname: 'erp-contable',
        transport: 'websocket',
        inFlight: 1,
      }),
    ]);
    expect(claves).toContainEqual(
      expect.objectContaining({ id: tenant.keyId, connected: true, revokedAt: null }),
    );
  });

  it('creates a key shown once, and revoking it disconnects its sync-client at once', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/agentes/claves',
      headers: sessionHeaders(user, true),
      payload: {},
    });
    expect(created.statusCode).toBe(201);
    const { id, clave } = created.json<{ id: string; clave: string }>();
    expect(clave).toMatch(/^ck_[\w-]{43}$/);
    expect(JSON.stringify(await overview())).not.toContain(clave);

    const client = await server.connectAgent(clave);
    const disconnected = nextEvent(server.events, 'agent.disconnected');
    const revoked = await server.app.inject({
      method: 'DELETE',
      url: `/api/agentes/claves/${id}`,
      headers: sessionHeaders(user, true),
    });
    expect(revoked.statusCode).toBe(200);
    await expect(client.closed).resolves.toMatchObject({
      code: 1008,
      reason: expect.stringContaining('revocada') as unknown,
    });
    await disconnected;
    const after = await overview();
    expect(after.claves).toContainEqual(
      expect.objectContaining({ id, revokedAt: expect.any(String) as unknown }),
    );
    expect(after.conectados.some((c) => c.keyId === id)).toBe(false);
    await expect(AgentClient.refusal(server.wsUrl, clave)).resolves.toMatchObject({
      status: 401,
      body: { error: { code: 'KEY_REVOKED' } },
    });
  });

  it("needs the CSRF token to change keys and cannot touch another tenant's", async () => {
    const withoutToken = await server.app.inject({
      method: 'POST',
      url: '/api/agentes/claves',
      headers: sessionHeaders(user),
      payload: {},
    });
    expect(withoutToken.statusCode).toBe(403);
    const other = await server.createTenant('Empresa B');
    const foreign = await server.app.inject({
      method: 'DELETE',
      url: `/api/agentes/claves/${other.keyId}`,
      headers: sessionHeaders(user, true),
    });
    expect(foreign.statusCode).toBe(404);
    const otherView = await server.app.inject({
      url: '/api/agentes',
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(otherView.json<Overview>().claves.map((k) => k.id)).toEqual([other.keyId]);
  });
});
