/** Requests timed at once; past this the oldest start times are dropped (bounded memory). */
const maxTimed = 100_000;

/**
 * Start times of the validations this process enqueued, until their verdict (local or relayed
 * from another instance). A request whose verdict never comes here is eventually dropped.
 */
export class RoundTripClock {
  readonly #started = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  start(id: string): void {
    this.#started.set(id, this.now());
    if (this.#started.size > maxTimed) {
      const oldest = this.#started.keys().next();
      if (!oldest.done) this.#started.delete(oldest.value);
    }
  }

  /** Seconds since `start(id)`, or undefined when this process did not time it. */
  stop(id: string): number | undefined {
    const started = this.#started.get(id);
    if (started === undefined) return undefined;
    this.#started.delete(id);
    return (this.now() - started) / 1000;
  }
}
