export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, capMs: 60_000 };

/**
 * Capped exponential backoff with full jitter: a uniform delay in [0, min(cap, base·2^attempt)).
 * `attempt` counts from 0; `random` is injectable for tests.
 */
export function backoffDelayMs(
  attempt: number,
  { baseMs, capMs }: BackoffOptions = defaultBackoff,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
