import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultStack, type FaultStack } from './support/fault-stack.ts';

/** Waits until `count` requests are held by sync-clients (their lookups blocked on a lock). */
async function inFlight(stack: FaultStack, count: number) {
  await stack.waitUntil(
    async () => ((await stack.countInState('delivered')) >= count ? true : undefined),
    `${count} requests in flight`,
  );
}

/**
 * kill -9 under traffic: requests pending and in flight (the ERP table is locked, so lookups
 * wait), the process dies, and after recovery every accepted validation has exactly one,
 * correct verdict.
 */
describe('faults: kill -9 under traffic', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack();
    await stack.startClient();
    await stack.startClient();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('kill -9 of a sync-client holding requests: nothing lost, nothing applied twice', async () => {
    const victim = await stack.startClient();
    const release = await stack.lockErp();
    for (let n = 1; n <= 30; n++) await stack.submit(n);
    await inFlight(stack, 12);
    victim.child.kill('SIGKILL');
    await victim.exited;
    await release();
    for (let n = 31; n <= 60; n++) await stack.submit(n);
    const audit = await stack.ledger.settled();
    expect(audit).toMatchObject({ accepted: 60, lost: [], doubled: [], wrong: [], open: 0 });
  });

  it('kill -9 of the server with requests in flight: after restart all complete once', async () => {
    const release = await stack.lockErp();
    for (let n = 61; n <= 90; n++) await stack.submit(n);
    await inFlight(stack, 8);
    await stack.crashAndRestartServer();
    await release();
    for (let n = 91; n <= 120; n++) await stack.submit(n);
    // 201..210 are not in the ERP: NO_ENCONTRADO, right after recovery too.
    for (let n = 201; n <= 210; n++) await stack.submit(n);
    const audit = await stack.ledger.settled();
    expect(audit).toMatchObject({ accepted: 130, lost: [], doubled: [], wrong: [], open: 0 });
  });
});
