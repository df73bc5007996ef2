import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex.ts';

describe('Mutex', () => {
  it('runs tasks one at a time, in call order, even when one fails', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = mutex.run(async () => {
      log.push('first:start');
      await gate;
      log.push('first:end');
      throw new Error('boom');
    });
    const second = mutex.run(() => {
      log.push('second');
      return Promise.resolve(2);
    });
    release();
    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe(2);
    expect(log).toEqual(['first:start', 'first:end', 'second']);
  });
});
