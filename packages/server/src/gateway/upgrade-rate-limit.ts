/**
 * A token bucket for new agent connections: `burst` upgrades at once, then `perSecond`. During
 * a reconnect storm the excess is refused at once (503 + Retry-After, before any database
 * work), and the sync-clients' backoff with jitter spreads them out.
 */
export class UpgradeRateLimit {
  #tokens: number;
  #refilledAt: number;

  constructor(
    private readonly options: {
      perSecond: number;
      burst: number;
      now?: () => number;
    },
  ) {
    this.#tokens = options.burst;
    this.#refilledAt = this.#now();
  }

  #now(): number {
    return (this.options.now ?? (() => performance.now()))();
  }

  /** Takes one token; when none is left, says after how many seconds to try again. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.#now();
    const { perSecond, burst } = this.options;
    this.#tokens = Math.min(burst, this.#tokens + ((now - this.#refilledAt) / 1000) * perSecond);
    this.#refilledAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.#tokens) / perSecond)) };
  }
}
