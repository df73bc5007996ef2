import { describe, expect, it } from 'vitest';
import { planByLeastInFlight } from './least-in-flight.ts';

describe('planByLeastInFlight', () => {
  it('fills the least loaded channel first and alternates on ties, oldest first', () => {
    const plan = planByLeastInFlight(
      [
        { sessionId: 'a', inFlight: 2 },
        { sessionId: 'b', inFlight: 0 },
        { sessionId: 'c', inFlight: 0 },
      ],
      10,
      6,
    );
    expect(plan).toEqual(['b', 'c', 'b', 'c', 'a', 'b']);
  });

  it('never gives a channel more than the cap, and stops when all are full', () => {
    const plan = planByLeastInFlight(
      [
        { sessionId: 'a', inFlight: 3 },
        { sessionId: 'b', inFlight: 1 },
      ],
      3,
      10,
    );
    expect(plan).toEqual(['b', 'b']);
    expect(planByLeastInFlight([{ sessionId: 'a', inFlight: 3 }], 3, 10)).toEqual([]);
  });
});
