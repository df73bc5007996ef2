import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultStack, type FaultStack } from './support/fault-stack.ts';
import { startFaultRelay, type FaultRelay } from './support/fault-relay.ts';

/**
 * The customer's ERP database goes down and comes back (a relay in front of the real
 * PostgreSQL ERP closes and reopens). While it is down the verdict says the ERP was
 * unreachable; once it is back, validating again succeeds — without restarting the sync-client.
 */
describe('faults: the ERP database down, then up', () => {
  let relay: FaultRelay;
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack({
      erpPort: async (erp) => {
        relay = await startFaultRelay(Number(new URL(erp.url).port || 5432));
        return relay.port;
      },
    });
    await stack.startClient();
  });
  afterAll(async () => {
    await stack?.stop();
    await relay?.close();
  });

  const verdictOf = async (n: number) => {
    const id = await stack.submit(n);
    if (id === null) throw new Error(`validation ${n} was not accepted`);
    return stack.waitUntil(async () => {
      const { body } = await stack.api.get(id);
      return body.status === 'PENDIENTE' ? undefined : body;
    }, `the verdict of ${n}`);
  };

  it('says the ERP is unreachable while it is down, and succeeds on retry once it is back', async () => {
    expect(await verdictOf(3)).toMatchObject({ status: 'OK' });
    await relay.down();
    const down = await verdictOf(4);
    expect(down).toMatchObject({ status: 'ERROR', error: { code: 'ERP_UNAVAILABLE' } });
    expect(down.error?.message).toMatch(/No se pudo conectar|rechazó la consulta/);
    await relay.up();
    expect(await verdictOf(4)).toMatchObject({ status: 'OK', error: null });
    expect(await verdictOf(5)).toMatchObject({ status: 'DIFERENCIAS' });
  });
});
