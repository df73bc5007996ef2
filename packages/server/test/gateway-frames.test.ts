import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../src/events/event-bus.ts';
import { maxInvalidFrames } from '../src/gateway/agent-connection.ts';
import { invoiceInput, matchingRow } from './support/invoices.ts';
import {
  startTestServer,
  testConfig,
  type TestServer,
  type TestTenant,
} from './support/test-server.ts';

describe('agent gateway: bad frames', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let other: TestTenant;

  const connect = (key: string) => server.connectAgent(key);

  /** The other tenant's client still gets a lookup and its answer is stored. */
  const expectOtherClientServed = async () => {
    const healthy = await connect(other.key);
    healthy.autoAnswer(() => [matchingRow]);
    const response = await server.validate(other.token, invoiceInput);
    expect(response.json()).toMatchObject({ status: 'OK' });
  };

  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('Mal comportado');
    other = await server.createTenant('Sano');
  });
  afterEach(() => server.closeAgents());
  afterAll(async () => {
    await server?.stop();
  });

  it('answers malformed JSON with -32700 and keeps the connection', async () => {
    const client = await connect(tenant.key);
    client.send('{"jsonrpc": "2.0", "id": ');
    const error = await client.next((frame) => frame.error !== undefined);
    expect(error).toMatchObject({
      id: null,
      error: { code: -32700, data: { code: 'INVALID_FRAME' } },
    });
    expect(error.error?.message).toMatch(/JSON/);
    client.hello();
    await nextEvent(server.events, 'agent.hello');
  });

  it('answers an unknown method with -32601', async () => {
    const client = await connect(tenant.key);
    client.send({ jsonrpc: '2.0', id: 9, method: 'sql.execute', params: { sql: 'drop table x' } });
    const error = await client.next((frame) => frame.id === 9);
    expect(error.error).toMatchObject({ code: -32601, data: { code: 'METHOD_NOT_FOUND' } });
  });

  it('closes a repeat offender with 1008 and a reason; others keep being served', async () => {
    const client = await connect(tenant.key);
    for (let i = 0; i < maxInvalidFrames; i++) client.send(`basura ${i}`);
    const closed = await client.closed;
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/inválidos/);
    expect(client.frames.filter((frame) => frame.error?.code === -32700)).toHaveLength(
      maxInvalidFrames,
    );
    await expectOtherClientServed();
  });

  it('closes on a frame over MAX_FRAME_BYTES with 1009 and a reason; others keep being served', async () => {
    const client = await connect(tenant.key);
    client.send({
      jsonrpc: '2.0',
      method: 'agent.hello',
      params: 'x'.repeat(testConfig.maxFrameBytes),
    });
    const closed = await client.closed;
    expect(closed.code).toBe(1009);
    expect(closed.reason).toMatch(/demasiado grande/);
    await expectOtherClientServed();
  });
});
