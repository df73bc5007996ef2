import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceInput } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';
import { loginAs, sessionHeaders, type WebLogin } from './support/web-session.ts';

describe('web app sessions (/api/sesion)', () => {
  let server: TestServer;
  let tenant: TestTenant;

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/api/sesion',
      payload: { email, password },
      headers,
    });

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 0 });
    tenant = await server.createTenant('Empresa A');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('logs in with an httpOnly cookie and returns the user and the CSRF token', async () => {
    await server.admin.createUser(tenant.id, 'Contadora@Empresa.com.ar', 'clave-de-prueba-1');
    const response = await login('  contadora@empresa.com.ar ', 'clave-de-prueba-1');
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(
      /^cotejo_sesion=cs_[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
    );
    const body = response.json<{ usuario: Record<string, string>; csrfToken: string }>();
    expect(body.usuario).toMatchObject({
      email: 'contadora@empresa.com.ar',
      tenantId: tenant.id,
      tenantName: 'Empresa A',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(response.body).not.toContain(cookie.slice('cotejo_sesion='.length, cookie.indexOf(';')));

    const current = await server.app.inject({
      url: '/api/sesion',
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(current.json()).toMatchObject({ usuario: body.usuario, csrfToken: body.csrfToken });
  });

  it('stores the password as argon2id only', async () => {
    const rows = await server.db.query<{ password_hash: string }>(
      `select password_hash from users where email = 'contadora@empresa.com.ar'`,
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.password_hash).not.toContain('clave-de-prueba-1');
  });

  it('answers the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await login('contadora@empresa.com.ar', 'otra-clave');
    const unknown = await login('nadie@empresa.com.ar', 'otra-clave');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        error: {
          code: 'UNAUTHORIZED',
          message: expect.stringMatching(/^Email o contraseña incorrectos/) as unknown,
        },
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('limits failed attempts per email, then lets them age out', async () => {
    await server.admin.createUser(tenant.id, 'limitada@empresa.com.ar', 'clave-correcta-1');
    for (let i = 0; i < 5; i++) {
      expect((await login('limitada@empresa.com.ar', `mala-${i}`)).statusCode).toBe(401);
    }
    const limited = await login('limitada@empresa.com.ar', 'clave-correcta-1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);

    await server.db.query(
      `update login_attempts set attempted_at = attempted_at - interval '16 minutes'
       where email = 'limitada@empresa.com.ar'`,
    );
    expect((await login('limitada@empresa.com.ar', 'clave-correcta-1')).statusCode).toBe(200);
  });

  it('refuses a login posted from another site', async () => {
    const response = await login('contadora@empresa.com.ar', 'clave-de-prueba-1', {
      origin: 'https://otro-sitio.example',
    });
    expect(response.statusCode).toBe(403);
  });

  describe('with a session', () => {
    let user: WebLogin;
    beforeAll(async () => {
      user = await loginAs(server.app, server.admin, tenant.id);
    });

    it('authorizes the platform API by cookie, requiring the CSRF token on writes', async () => {
      const post = (headers: Record<string, string>) =>
        server.app.inject({
          method: 'POST',
          url: '/api/validaciones',
          payload: invoiceInput,
          headers,
        });
      const withoutToken = await post(sessionHeaders(user));
      expect(withoutToken.statusCode).toBe(403);
      expect(withoutToken.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const wrongToken = await post({ ...sessionHeaders(user), 'x-csrf-token': 'x'.repeat(43) });
      expect(wrongToken.statusCode).toBe(403);
      const crossSite = await post({
        ...sessionHeaders(user, true),
        origin: 'https://otro-sitio.example',
      });
      expect(crossSite.statusCode).toBe(403);

      const accepted = await post(sessionHeaders(user, true));
      expect(accepted.statusCode).toBe(202);
      const { id } = accepted.json<{ id: string }>();
      const read = await server.app.inject({
        url: `/api/validaciones/${id}`,
        headers: sessionHeaders(user),
      });
      expect(read.json()).toMatchObject({ id, status: 'PENDIENTE' });
    });

    it("hides another tenant's data", async () => {
      const other = await server.createTenant('Empresa B');
      const theirs = (await server.validate(other.token, invoiceInput)).json<{ id: string }>();
      const response = await server.app.inject({
        url: `/api/validaciones/${theirs.id}`,
        headers: sessionHeaders(user),
      });
      expect(response.statusCode).toBe(404);
    });

    it('ends at logout (which needs the CSRF token) and when it expires', async () => {
      const logoutWithoutToken = await server.app.inject({
        method: 'DELETE',
        url: '/api/sesion',
        headers: sessionHeaders(user),
      });
      expect(logoutWithoutToken.statusCode).toBe(403);
      const logout = await server.app.inject({
        method: 'DELETE',
        url: '/api/sesion',
        headers: sessionHeaders(user, true),
      });
      expect(logout.statusCode).toBe(204);
      expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
      const after = await server.app.inject({ url: '/api/sesion', headers: sessionHeaders(user) });
      expect(after.statusCode).toBe(401);

      const again = await loginAs(server.app, server.admin, tenant.id);
      await server.db.query(
        `update user_sessions set expires_at = now() - interval '1 second' where ended_at is null`,
      );
      const expired = await server.app.inject({
        url: '/api/agentes',
        headers: sessionHeaders(again),
      });
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    });
  });
});
