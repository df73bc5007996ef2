/**
 * Publishes items in batches without adding latency: the first item goes out on the next turn
 * of the event loop; items arriving while a send is in flight wait and go out together right
 * after it. Under load that is one send per round trip, not one per item.
 */
export class CoalescingPublisher<T> {
  #pending: T[] = [];
  #draining: Promise<void> | undefined;

  constructor(
    private readonly send: (batch: T[]) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  publish(item: T): void {
    this.#pending.push(item);
    if (!this.#draining) this.#start();
  }

  #start(): void {
    this.#draining = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#drain())
      .finally(() => {
        this.#draining = undefined;
        if (this.#pending.length > 0) this.#start();
      });
  }

  /** Resolves once everything published so far was sent (or failed). */
  async flush(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0);
      try {
        await this.send(batch);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
