import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultStack, type FaultStack } from './support/fault-stack.ts';
import { countPings, startFaultRelay, type FaultRelay } from './support/fault-relay.ts';

/**
 * A half-open connection: the network between a sync-client and the server stops forwarding
 * without closing anything (a relay that swallows every byte). The server's heartbeat must give
 * up on the peer after at most two unanswered pings — two intervals of silence — and return the
 * request it held, which another sync-client then completes.
 */
describe('faults: half-open connection detected by the heartbeat', () => {
  let relay: FaultRelay;
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack({
      serverEnv: { HEARTBEAT_MS: '300' },
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

  it('drops the silent peer after at most two unanswered pings; its request completes elsewhere', async () => {
    await stack.startClient();
    const [connection] = relay.connections();
    if (!connection) throw new Error('the sync-client is not behind the relay');
    relay.stall();
    const id = await stack.submit(7);
    expect(id).not.toBeNull();
    // The server closes its side of the stalled connection (the relay sees it).
    await connection.upstreamClosed;
    expect(countPings(connection.swallowed)).toBeGreaterThanOrEqual(1);
    expect(countPings(connection.swallowed)).toBeLessThanOrEqual(2);

    // A sync-client on a working network (straight to the server) gets the returned request.
    relay.resume();
    await stack.startClient({ direct: true });
    const audit = await stack.ledger.settled();
    expect(audit).toMatchObject({ accepted: 1, lost: [], doubled: [], wrong: [], open: 0 });
  });
});
