import type { App } from '../../src/app.ts';
import type { AdminService } from '../../src/admin/admin-service.ts';

export interface WebLogin {
  cookie: string;
  csrfToken: string;
  email: string;
  password: string;
}

let counter = 0;

/** Creates a user of `tenantId` and logs in through `POST /api/sesion`. */
export async function loginAs(app: App, admin: AdminService, tenantId: string): Promise<WebLogin> {
  const email = `usuario${++counter}-${Date.now()}@empresa.com.ar`;
  const password = 'contraseña-segura-1';
  await admin.createUser(tenantId, email, password);
  const response = await app.inject({
    method: 'POST',
    url: '/api/sesion',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const setCookie = String(response.headers['set-cookie']);
  const cookie = setCookie.split(';')[0] ?? '';
  return { cookie, csrfToken: response.json<{ csrfToken: string }>().csrfToken, email, password };
}

/** Headers of a cookie-authenticated request; `write` adds the CSRF token. */
export function sessionHeaders(login: WebLogin, write = false): Record<string, string> {
  return { cookie: login.cookie, ...(write && { 'x-csrf-token': login.csrfToken }) };
}
