import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPresence } from '../src/agents/presence.ts';
import { clusterChannel } from '../src/bus/pg-cluster-bus.ts';
import { nextEvent } from '../src/events/event-bus.ts';
import { newId } from '../src/ids.ts';
import { invoiceInput, matchingRow } from './support/invoices.ts';
import { testDbKind } from './support/test-db.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

/**
 * Two instances on one PostgreSQL database (the cluster bus is LISTEN/NOTIFY; PGlite is one
 * process by nature, so this suite is PostgreSQL only).
 */
describe.skipIf(testDbKind !== 'postgres')('scale-out: two instances, one database', () => {
  let a: TestServer;
  let b: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    a = await startTestServer({ syncWaitMs: 5000 });
    b = await startTestServer({ syncWaitMs: 5000 }, { shareDb: a.testDb });
    tenant = await a.createTenant();
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('answers on B with the verdict of a sync-client connected to A', async () => {
    const client = await a.connectAgent(tenant.key);
    client.autoAnswer(() => [matchingRow]);
    const response = await b.validate(tenant.token, invoiceInput);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'OK' });
    await a.closeAgents();
  });

  it('coalesces notifications: a burst of requests costs far fewer NOTIFYs', async () => {
    const listener = new pg.Client({ connectionString: a.testDb.databaseUrl });
    await listener.connect();
    let notifications = 0;
    listener.on('notification', (message) => {
      if (message.channel === clusterChannel) notifications++;
    });
    await listener.query(`listen ${clusterChannel}`);
    const client = await a.connectAgent(tenant.key);
    client.autoAnswer(() => [matchingRow]);
    const burst = 60;
    const responses = await Promise.all(
      Array.from({ length: burst }, () => b.validate(tenant.token, invoiceInput)),
    );
    expect(responses.map((r) => r.json<{ status: string }>().status)).toEqual(
      Array.from({ length: burst }, () => 'OK'),
    );
    await listener.end();
    // One per enqueue and one per completion would be 2 × burst.
    expect(notifications).toBeGreaterThan(0);
    expect(notifications).toBeLessThan(burst);
    await a.closeAgents();
  });

  it('shares presence across instances', async () => {
    const connected = nextEvent(a.events, 'agent.connected');
    await a.connectAgent(tenant.key);
    const { sessionId } = await connected;
    const presence = await listPresence(b.db, tenant.id);
    expect(presence).toContainEqual(
      expect.objectContaining({ sessionId, instanceId: a.app.instanceId, transport: 'websocket' }),
    );
    await a.closeAgents();
  });

  it('cleans up the sessions of a dead instance and returns their requests to the queue', async () => {
    const deadId = newId();
    await b.db.query(
      `insert into server_instances (id, last_seen_at) values ($1::uuid, now() - interval '1 day')`,
      [deadId],
    );
    const [key] = await b.db.query<{ id: string }>(
      'select id from agent_keys where tenant_id = $1::uuid',
      [tenant.id],
    );
    const sessionId = newId();
    await b.db.query(
      `insert into agent_sessions (id, tenant_id, agent_key_id, instance_id)
       values ($1::uuid, $2::uuid, $3::uuid, $4::uuid)`,
      [sessionId, tenant.id, key?.id, deadId],
    );
    const id = (await b.validate(tenant.token, { ...invoiceInput })).json<{ id: string }>().id;
    await b.db.query(
      `update validation_requests set state = 'delivered', agent_session_id = $2::uuid,
         attempts = 1, lease_expires_at = now() + interval '1 hour'
       where id = $1::uuid`,
      [id, sessionId],
    );
    const cleaned = nextEvent(b.events, 'instance.cleaned', (e) => e.instanceId === deadId);
    await b.app.sweeper.sweepOnce();
    expect(await cleaned).toEqual({ instanceId: deadId, sessions: 1, requeued: 1 });
    const client = await a.connectAgent(tenant.key);
    await client.lookup(id);
    const [session] = await b.db.query<{ code: number }>(
      'select close_code as code from agent_sessions where id = $1::uuid',
      [sessionId],
    );
    expect(session?.code).toBe(1006);
    // Live instances (their listeners hold their locks) are never taken for dead.
    const [live] = await b.db.query<{ n: number }>(
      `select count(*)::int as n from server_instances
       where id = any($1::uuid[]) and stopped_at is null`,
      [[a.app.instanceId, b.app.instanceId]],
    );
    expect(live?.n).toBe(2);
    await a.closeAgents();
  });
});
