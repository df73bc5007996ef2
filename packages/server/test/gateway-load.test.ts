import { agentSubprotocol } from '@cotejo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AgentChannel } from '../src/agents/agent-channel.ts';
import { openSession } from '../src/agents/agent-sessions.ts';
import { ConnectedAgents } from '../src/agents/connected-agents.ts';
import { createDelivery } from '../src/delivery/delivery.ts';
import type { ClaimedRequest } from '../src/queue/claim.ts';
import { invoiceInput } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

/** Opens a WebSocket with an agent key; resolves with the socket or the refusal's status and headers. */
function upgrade(wsUrl: string, key: string) {
  const socket = new WebSocket(wsUrl, [agentSubprotocol], {
    headers: { authorization: `Bearer ${key}` },
  });
  return new Promise<
    | { open: WebSocket }
    | { status: number; headers: Record<string, unknown>; body: { error: { code: string } } }
  >((resolve, reject) => {
    socket.once('open', () => resolve({ open: socket }));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: JSON.parse(body) as { error: { code: string } },
        });
        socket.terminate();
      });
    });
  });
}

describe('gateway under load: upgrade rate, compression, slow clients', () => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    // Two connections at once, then (practically) none: the third must be refused.
    server = await startTestServer({
      syncWaitMs: 0,
      agentUpgradesPerSecond: 0.001,
      agentUpgradeBurst: 2,
    });
    tenant = await server.createTenant();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses upgrades past the rate with 503 UNAVAILABLE and Retry-After, before authenticating', async () => {
    const first = await upgrade(server.wsUrl, tenant.key);
    const second = await upgrade(server.wsUrl, tenant.key);
    expect('open' in first && 'open' in second).toBe(true);
    // No perMessageDeflate: the client offered it, the server did not take it.
    if ('open' in first) expect(first.open.extensions).toBe('');
    const refused: string[] = [];
    const off = server.events.on('agent.refused', ({ code }) => refused.push(code));
    const third = await upgrade(server.wsUrl, 'ck_not-even-a-valid-key');
    off();
    expect(third).toMatchObject({ status: 503, body: { error: { code: 'UNAVAILABLE' } } });
    if ('headers' in third) expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused).toEqual(['UNAVAILABLE']);
    let disconnected = 0;
    const gone = new Promise<void>((resolve) =>
      server.events.on('agent.disconnected', () => ++disconnected === 2 && resolve()),
    );
    for (const result of [first, second]) if ('open' in result) result.open.close();
    await gone;
  });

  it('delivers nothing to a channel that cannot send now (a saturated socket)', async () => {
    const agents = new ConnectedAgents();
    const sent = new Map<string, ClaimedRequest[]>();
    const channel = async (writable: boolean): Promise<AgentChannel> => {
      const sessionId = await openSession(server.db, {
        tenantId: tenant.id,
        agentKeyId: tenant.keyId,
        remoteAddress: '127.0.0.1',
        transport: 'websocket',
        instanceId: null,
      });
      sent.set(sessionId, []);
      return {
        sessionId,
        tenantId: tenant.id,
        canSend: () => writable,
        sendLookups: (requests) => (sent.get(sessionId)?.push(...requests), true),
      };
    };
    const saturated = await channel(false);
    const draining = await channel(true);
    agents.add(saturated);
    agents.add(draining);
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await server.validate(tenant.token, invoiceInput)).json<{ id: string }>().id);
    }
    const delivery = createDelivery({
      db: server.db,
      agents,
      events: server.events,
      leaseMs: 30_000,
      maxInFlightPerAgent: 16,
      maxAttempts: 5,
      onError: (error) => {
        throw error;
      },
    });
    await delivery.deliverPending(tenant.id);
    delivery.stop();
    expect(sent.get(saturated.sessionId)).toEqual([]);
    expect(
      sent
        .get(draining.sessionId)
        ?.map((request) => request.id)
        .sort(),
    ).toEqual([...ids].sort());
  });
});
