import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';
import { loginAs, sessionHeaders, type WebLogin } from './support/web-session.ts';

interface Summary {
  dias: {
    dia: string;
    porEstado: Record<string, number>;
    respondidas: number;
    p50Ms: number | null;
    p95Ms: number | null;
  }[];
  bajoUnSegundo: { respondidas: number; bajoUnSegundo: number; proporcion: number | null };
  pendientes: number;
  sinConexion: { desde: string; hasta: string; duracionMs: number }[];
}

const invoice = JSON.stringify({
  puntoVenta: 1,
  numero: 1,
  numeroComprobante: '0001-00000001',
  cuit: '30500017704',
  fecha: '2026-03-15',
  importe: '1.00',
});

describe('metrics summary (/api/metricas/resumen)', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let user: WebLogin;

  /** A request created `daysAgo` days ago (at noon in Argentina) that took `latencyMs`. */
  async function insertRequest(daysAgo: number, status: string, latencyMs: number | null) {
    await server.db.query(
      `insert into validation_requests (id, tenant_id, invoice, state, status, expires_at, created_at, completed_at)
       select gen_random_uuid(), $1::uuid, $2::jsonb, $3::text, $4::text, now() + interval '1 day', t.created,
              t.created + $5::int * interval '1 millisecond'
       from (select (((now() at time zone 'America/Argentina/Buenos_Aires')::date - $6::int)::timestamp
                      + interval '12 hours') at time zone 'America/Argentina/Buenos_Aires' as created) t`,
      [tenant.id, invoice, latencyMs === null ? 'queued' : 'completed', status, latencyMs, daysAgo],
    );
  }

  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('Empresa A');
    user = await loginAs(server.app, server.admin, tenant.id);
    // The tenant exists since 3 days ago; a sync-client was online from 2 days ago to 1 day ago.
    await server.db.query(
      `update tenants set created_at = now() - interval '3 days' where id = $1::uuid`,
      [tenant.id],
    );
    await server.db.query(
      `insert into agent_sessions (id, tenant_id, agent_key_id, connected_at, last_seen_at, disconnected_at)
       values (gen_random_uuid(), $1::uuid, $2::uuid, now() - interval '2 days', now() - interval '1 day', now() - interval '1 day')`,
      [tenant.id, tenant.keyId],
    );
    await insertRequest(1, 'OK', 200);
    await insertRequest(1, 'OK', 400);
    await insertRequest(1, 'DIFERENCIAS', 2500);
    await insertRequest(1, 'SIN_CONEXION', null);
    await insertRequest(0, 'PENDIENTE', null);
    await insertRequest(0, 'NO_ENCONTRADO', 900);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('counts validations per day by status, latency percentiles and the share under a second', async () => {
    const response = await server.app.inject({
      url: '/api/metricas/resumen?dias=7',
      headers: sessionHeaders(user),
    });
    expect(response.statusCode).toBe(200);
    const summary = response.json<Summary>();
    expect(summary.dias).toHaveLength(7);
    const [yesterday, today] = summary.dias.slice(-2);
    expect(yesterday?.porEstado).toMatchObject({
      OK: 2,
      DIFERENCIAS: 1,
      SIN_CONEXION: 1,
      PENDIENTE: 0,
    });
    expect(yesterday).toMatchObject({ respondidas: 3, p50Ms: 400 });
    expect(yesterday?.p95Ms).toBe(2290);
    expect(today?.porEstado).toMatchObject({ PENDIENTE: 1, NO_ENCONTRADO: 1 });
    expect(summary.bajoUnSegundo).toEqual({ respondidas: 4, bajoUnSegundo: 3, proporcion: 0.75 });
    expect(summary.pendientes).toBe(2);
  });

  it('lists the periods with no sync-client online since the tenant exists', async () => {
    const summary = (
      await server.app.inject({
        url: '/api/metricas/resumen?dias=7',
        headers: sessionHeaders(user),
      })
    ).json<Summary>();
    const hours = summary.sinConexion.map((period) => Math.round(period.duracionMs / 3_600_000));
    expect(hours).toEqual([24, 24]);
  });

  it('validates the period and needs a credential', async () => {
    const bad = await server.app.inject({
      url: '/api/metricas/resumen?dias=500',
      headers: sessionHeaders(user),
    });
    expect(bad.statusCode).toBe(400);
    const anonymous = await server.app.inject({ url: '/api/metricas/resumen' });
    expect(anonymous.statusCode).toBe(401);
  });
});
