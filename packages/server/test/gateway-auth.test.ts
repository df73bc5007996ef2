import { agentSubprotocol } from '@cotejo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from './support/agent-client.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

describe('agent gateway: who may connect', () => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('accepts a valid key with the cotejo.v1 subprotocol and records the session', async () => {
    const client = await AgentClient.connect(server.wsUrl, tenant.key);
    expect(client.socket.protocol).toBe(agentSubprotocol);
    const rows = await server.db.query<{ n: number }>(
      `select count(*)::int as n from agent_sessions
       where tenant_id = $1::uuid and disconnected_at is null`,
      [tenant.id],
    );
    expect(rows[0]?.n).toBe(1);
    await client.close();
  });

  it('refuses a missing or wrong key with 401 before upgrading', async () => {
    for (const key of [null, 'ck_wrong', tenant.token]) {
      const refusal = await AgentClient.refusal(server.wsUrl, key);
      expect(refusal).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    }
  });

  it('refuses a revoked key with 401 KEY_REVOKED', async () => {
    const other = await server.createTenant('Revocada');
    await server.admin.revokeAgentKey(other.key);
    const refusal = await AgentClient.refusal(server.wsUrl, other.key);
    expect(refusal.status).toBe(401);
    expect(refusal.body.error).toMatchObject({ code: 'KEY_REVOKED' });
    expect(refusal.body.error.message).toMatch(/revocada/);
  });

  it('refuses a valid key without the cotejo.v1 subprotocol', async () => {
    const none = await AgentClient.refusal(server.wsUrl, tenant.key, null);
    expect(none).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    const wrong = await AgentClient.refusal(server.wsUrl, tenant.key, 'cotejo.v0');
    expect(wrong.status).toBe(400);
  });

  it('refuses WebSocket upgrades on other paths with 404', async () => {
    const refusal = await AgentClient.refusal(
      `${server.url.replace('http', 'ws')}/otra`,
      tenant.key,
    );
    expect(refusal.status).toBe(404);
  });
});
