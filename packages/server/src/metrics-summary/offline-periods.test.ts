import { describe, expect, it } from 'vitest';
import { offlinePeriods, type Interval } from './offline-periods.ts';

const at = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour));
const span = (from: number, to: number): Interval => ({ from: at(from), to: at(to) });

describe('offlinePeriods', () => {
  it('is the whole window when nothing was online', () => {
    expect(offlinePeriods([], span(0, 24))).toEqual([span(0, 24)]);
  });

  it('returns the gaps between overlapping, unordered sessions, clipped to the window', () => {
    const online = [span(10, 12), span(-5, 2), span(11, 14), span(20, 30), span(1, 3)];
    expect(offlinePeriods(online, span(0, 24))).toEqual([span(3, 10), span(14, 20)]);
  });

  it('is empty when sessions cover the window', () => {
    expect(offlinePeriods([span(-1, 5), span(5, 25)], span(0, 24))).toEqual([]);
  });
});
