import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../src/events/event-bus.ts';
import { invoiceInput, matchingRow } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

describe('platform API /api/validaciones', () => {
  let server: TestServer;
  let tenant: TestTenant;

  const post = (body: unknown, token = tenant.token) => server.validate(token, body);
  const get = (id: string, token = tenant.token) => server.validation(token, id);
  const connect = (key = tenant.key) => server.connectAgent(key);

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 5_000 });
    tenant = await server.createTenant('Empresa A');
  });
  afterEach(() => server.closeAgents());
  afterAll(async () => {
    await server?.stop();
  });

  it('returns 200 with the verdict when the sync-client answers within the wait', async () => {
    const client = await connect();
    client.hello('erp-01');
    await nextEvent(server.events, 'agent.hello');
    client.autoAnswer(() => [matchingRow]);
    const response = await post(invoiceInput);
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      status: 'OK',
      invoice: { numeroComprobante: '0001-00000100', cuit: '30500017704', importe: '1500.00' },
      verdict: { status: 'OK', exists: true, matches: true, differences: [] },
      error: null,
      agent: { hostname: 'erp-01' },
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof body.latencyMs).toBe('number');
    expect(body.completedAt).toEqual(expect.any(String));
  });

  it('names each differing field with both values', async () => {
    const client = await connect();
    client.autoAnswer(() => [{ ...matchingRow, importe: '1500.02' }]);
    const body = (await post(invoiceInput)).json<{ status: string; verdict: unknown }>();
    expect(body.status).toBe('DIFERENCIAS');
    expect(body.verdict).toMatchObject({
      differences: [{ field: 'importe', cloud: '1500.00', local: '1500.02' }],
    });
  });

  it('stores ERROR with the code when the sync-client answers with an error', async () => {
    const client = await connect();
    const posted = post(invoiceInput);
    const lookup = await client.next((frame) => frame.method === 'invoice.lookup');
    client.send({
      jsonrpc: '2.0',
      id: lookup.id,
      error: {
        code: -32012,
        message: 'La base del ERP no responde',
        data: { code: 'ERP_UNAVAILABLE' },
      },
    });
    const response = await posted;
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ERROR',
      verdict: null,
      error: { code: 'ERP_UNAVAILABLE', message: 'La base del ERP no responde' },
    });
  });

  it('hides another tenant’s validation behind 404', async () => {
    const other = await server.createTenant('Empresa B');
    const client = await connect();
    client.autoAnswer(() => [matchingRow]);
    const { id } = (await post(invoiceInput)).json<{ id: string }>();
    expect((await get(id)).statusCode).toBe(200);
    const foreign = await get(id, other.token);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await get('not-a-uuid')).statusCode).toBe(404);
  });

  it('refuses a bad body with 400 BAD_REQUEST and the issues in Spanish', async () => {
    const response = await post({
      numeroComprobante: "' OR 1=1; --",
      cuit: '123',
      fecha: 'ayer',
      importe: 'x',
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/numeroComprobante: Número de comprobante inválido/);
    expect(error.message).toMatch(/cuit: CUIT inválido/);
    expect(error.message).toMatch(/fecha: Fecha inválida/);
    const missing = (await post({ cuit: 5 })).json<{ error: { message: string } }>();
    expect(missing.error.message).toMatch(/fecha: .*se esperaba texto/);
  });

  it('refuses a body over the limit with 413 and invalid JSON with 400', async () => {
    const huge = await post({ ...invoiceInput, razonSocial: 'x'.repeat(70 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const broken = await server.app.inject({
      method: 'POST',
      url: '/api/validaciones',
      headers: { authorization: `Bearer ${tenant.token}`, 'content-type': 'application/json' },
      payload: '{"cuit":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('requires a valid, unrevoked API token', async () => {
    expect((await post(invoiceInput, 'ct_wrong')).statusCode).toBe(401);
    const missing = await server.app.inject({ method: 'GET', url: '/api/validaciones/x' });
    expect(missing.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const revoked = await server.createTenant('Empresa C');
    await server.admin.revokeApiToken(revoked.tokenId);
    const response = await post(invoiceInput, revoked.token);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'KEY_REVOKED' } });
  });

  it('answers /healthz and unknown routes', async () => {
    expect((await server.app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
    const missing = await server.app.inject({ url: '/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
