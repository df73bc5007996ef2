import { agentSubprotocol } from '@cotejo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFaultStack, type FaultStack } from './support/fault-stack.ts';
import { faultInvoice } from './support/ledger.ts';
import { startFaultRelay, type FaultRelay } from './support/fault-relay.ts';

const rejectedDuplicates = 'cotejo_results_rejected_total{code="ALREADY_COMPLETED"}';

/**
 * Results that arrive when they should not: one delayed by the network until after its lease
 * expired and the request was delivered again, and the same result frame sent several times.
 * Exactly one verdict stands each time, and it is the right one.
 */
describe('faults: late and duplicate results', () => {
  let relay: FaultRelay;
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack({
      serverPortForClients: async (serverPort) => {
        relay = await startFaultRelay(serverPort);
        return relay.port;
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await relay?.close();
  });

  it('keeps one verdict when a result arrives after its lease expired and it was redelivered', async () => {
    const client = await stack.startClient();
    relay.hold();
    const id = await stack.submit(8);
    // The sync-client answered; the network holds the answer.
    await stack.waitUntil(
      () => Promise.resolve(relay.heldChunks() > 0 ? true : undefined),
      'the answer',
    );
    await stack.sql(
      `update validation_requests set lease_expires_at = now() - interval '1 second'
       where id = $1::uuid`,
      [id],
    );
    // The sweep returns it and it is delivered again (attempt 2) to the only client, which
    // answers again, also held.
    await stack.waitUntil(async () => {
      const [row] = await stack.sql<{ attempts: number }>(
        `select attempts from validation_requests where id = $1::uuid and state = 'delivered'`,
        [id],
      );
      return (row?.attempts ?? 0) >= 2 ? true : undefined;
    }, 'the redelivery');
    relay.release();
    const audit = await stack.ledger.settled();
    expect(audit).toMatchObject({ accepted: 1, lost: [], doubled: [], wrong: [], open: 0 });
    expect(await stack.metric('cotejo_lease_expiries_total')).toBe(1);
    await stack.waitUntil(
      async () => ((await stack.metric(rejectedDuplicates)) === 1 ? true : undefined),
      'the second answer rejected as a duplicate',
    );
    await client.stop('SIGKILL');
  });

  it('keeps one verdict when the same result frame arrives three times at once', async () => {
    // A hand-written sync-client (protocol v1) that repeats itself.
    const socket = new WebSocket(
      `${stack.server.url.replace('http', 'ws')}/api/agent/ws`,
      [agentSubprotocol],
      { headers: { authorization: `Bearer ${stack.credentials.agentKey}` } },
    );
    socket.once('unexpected-response', () => socket.terminate());
    const lookups: { id: string }[] = [];
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as { id?: string; method?: string };
      if (frame.method === 'invoice.lookup' && frame.id) lookups.push({ id: frame.id });
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const before = (await stack.metric(rejectedDuplicates)) ?? 0;
    const id = await stack.submit(9);
    await stack.waitUntil(
      () => Promise.resolve(lookups.some((lookup) => lookup.id === id) ? true : undefined),
      'the lookup',
    );
    const row = { ...faultInvoice(9), razonSocial: 'Proveedor SA' };
    const frame = JSON.stringify({
      jsonrpc: '2.0',
      id,
      result: { rows: [row], lookup: 'facturas' },
    });
    for (let i = 0; i < 3; i++) socket.send(frame);
    const audit = await stack.ledger.settled();
    expect(audit).toMatchObject({ lost: [], doubled: [], wrong: [], open: 0 });
    await stack.waitUntil(
      async () => ((await stack.metric(rejectedDuplicates)) === before + 2 ? true : undefined),
      'two duplicates rejected',
    );
    socket.close();
  });
});
