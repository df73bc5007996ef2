import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultBackoff } from './backoff.ts';

const almostOne = 1 - Number.EPSILON;

describe('backoffDelayMs', () => {
  it('draws from [0, base·2^attempt) with full jitter', () => {
    expect(backoffDelayMs(0, defaultBackoff, () => 0)).toBe(0);
    expect(backoffDelayMs(0, defaultBackoff, () => almostOne)).toBe(999);
    expect(backoffDelayMs(3, defaultBackoff, () => 0.5)).toBe(4_000);
    expect(backoffDelayMs(3, defaultBackoff, () => almostOne)).toBe(7_999);
  });

  it('never exceeds the cap, even for huge attempt counts', () => {
    for (const attempt of [6, 7, 30, 1_000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelayMs(attempt, defaultBackoff, () => almostOne)).toBe(59_999);
    }
  });

  it('honours custom options', () => {
    expect(backoffDelayMs(2, { baseMs: 10, capMs: 25 }, () => almostOne)).toBe(24);
    expect(backoffDelayMs(1, { baseMs: 10, capMs: 25 }, () => 0.5)).toBe(10);
  });
});
