export interface Interval {
  from: Date;
  to: Date;
}

/**
 * The parts of `window` covered by none of `online` (the sessions of a tenant's sync-clients,
 * in any order, possibly overlapping): the periods with no sync-client online.
 */
export function offlinePeriods(online: readonly Interval[], window: Interval): Interval[] {
  const sorted = [...online].sort((a, b) => a.from.getTime() - b.from.getTime());
  const gaps: Interval[] = [];
  let cursor = window.from.getTime();
  const end = window.to.getTime();
  for (const interval of sorted) {
    if (cursor >= end) break;
    const from = interval.from.getTime();
    const to = interval.to.getTime();
    if (to <= cursor) continue;
    if (from > cursor) gaps.push({ from: new Date(cursor), to: new Date(Math.min(from, end)) });
    cursor = Math.max(cursor, to);
  }
  if (cursor < end) gaps.push({ from: new Date(cursor), to: new Date(end) });
  return gaps;
}
