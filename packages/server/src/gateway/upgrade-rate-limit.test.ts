import { describe, expect, it } from 'vitest';
import { UpgradeRateLimit } from './upgrade-rate-limit.ts';

describe('UpgradeRateLimit', () => {
  it('lets a burst through, then refuses with Retry-After until tokens refill', () => {
    let now = 0;
    const limit = new UpgradeRateLimit({ perSecond: 2, burst: 3, now: () => now });
    expect([limit.take(), limit.take(), limit.take()].every((r) => r.ok)).toBe(true);
    expect(limit.take()).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 499;
    expect(limit.take().ok).toBe(false);
    now = 500;
    expect(limit.take()).toEqual({ ok: true });
    expect(limit.take().ok).toBe(false);
  });

  it('never stores more than the burst, however long it was idle', () => {
    let now = 0;
    const limit = new UpgradeRateLimit({ perSecond: 100, burst: 2, now: () => now });
    now = 60_000;
    expect([limit.take(), limit.take(), limit.take()].map((r) => r.ok)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('asks slow buckets to wait longer', () => {
    const limit = new UpgradeRateLimit({ perSecond: 0.25, burst: 1, now: () => 0 });
    limit.take();
    expect(limit.take()).toEqual({ ok: false, retryAfterSeconds: 4 });
  });
});
