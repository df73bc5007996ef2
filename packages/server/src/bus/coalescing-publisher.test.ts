import { describe, expect, it } from 'vitest';
import { CoalescingPublisher } from './coalescing-publisher.ts';

describe('CoalescingPublisher', () => {
  it('sends the first item alone and everything published during a send as one batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const publisher = new CoalescingPublisher<number>(
      async (batch) => {
        batches.push(batch);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      () => undefined,
    );
    publisher.publish(1);
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 2; i <= 50; i++) publisher.publish(i);
    release();
    await publisher.flush();
    expect(batches).toHaveLength(2);
    expect(batches[0]).toEqual([1]);
    expect(batches[1]).toHaveLength(49);
  });

  it('reports a failed send and keeps publishing', async () => {
    const errors: unknown[] = [];
    const sent: number[] = [];
    let fail = true;
    const publisher = new CoalescingPublisher<number>(
      (batch) => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('down'));
        }
        sent.push(...batch);
        return Promise.resolve();
      },
      (error) => errors.push(error),
    );
    publisher.publish(1);
    await publisher.flush();
    publisher.publish(2);
    await publisher.flush();
    expect(errors).toHaveLength(1);
    expect(sent).toEqual([2]);
  });
});
