import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPaths } from '../src/admin/admin-routes.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe('loopback admin routes (the CLI while the server owns PGlite)', () => {
  const adminSecret = 'ca_test-secret';
  let server: TestServer;

  const call = (path: string, payload: object, secret = adminSecret, remoteAddress = '127.0.0.1') =>
    server.app.inject({
      method: 'POST',
      url: path,
      remoteAddress,
      headers: { authorization: `Bearer ${secret}` },
      payload,
    });

  beforeAll(async () => {
    server = await startTestServer({}, { adminSecret });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('create a tenant with its key and token for the holder of the secret', async () => {
    const tenant = await call(adminPaths.tenants, { name: 'Por HTTP' });
    expect(tenant.statusCode).toBe(200);
    const { id } = tenant.json<{ id: string }>();
    const key = await call(adminPaths.agentKeys, { tenantId: id });
    expect(key.json<{ key: string }>().key).toMatch(/^ck_/);
    const token = await call(adminPaths.apiTokens, { tenantId: id });
    const revoked = await call(adminPaths.apiTokensRevoke, {
      id: token.json<{ token: string }>().token,
    });
    expect(revoked.json()).toEqual({ id: token.json<{ id: string }>().id });
  });

  it('refuse a wrong secret with 401 and any non-loopback caller with 403', async () => {
    const wrong = await call(adminPaths.tenants, { name: 'x' }, 'ca_wrong');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const remote = await call(adminPaths.tenants, { name: 'x' }, adminSecret, '10.1.2.3');
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await server.admin.listTenants()).toHaveLength(1);
  });

  it('are absent when the server was built without an admin secret', async () => {
    const plain = await startTestServer();
    try {
      const response = await plain.app.inject({ method: 'GET', url: adminPaths.tenants });
      expect(response.statusCode).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
