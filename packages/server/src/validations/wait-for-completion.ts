import type { EventBus } from '../events/event-bus.ts';

export interface CompletionWait {
  /** Resolves true when the request completed, false when `timeoutMs` passed first. */
  readonly done: Promise<boolean>;
  cancel(): void;
}

/**
 * Subscribes to `validation.completed` for one request id. Start it before delivering, so a
 * fast answer is not missed; no polling.
 */
export function waitForCompletion(events: EventBus, id: string, timeoutMs: number): CompletionWait {
  let settle: (completed: boolean) => void = () => undefined;
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  const off = events.on('validation.completed', (event) => {
    if (event.id === id) finish(true);
  });
  const timer = setTimeout(() => finish(false), timeoutMs);
  function finish(completed: boolean) {
    off();
    clearTimeout(timer);
    settle(completed);
  }
  return { done, cancel: () => finish(false) };
}
