import type { ServerEvents, ServerEventType } from './server-events.ts';

export type Listener<K extends ServerEventType> = (payload: ServerEvents[K]) => void;

/**
 * The typed event bus. `emit` never throws: a failing listener is reported to `onListenerError`
 * and the others still run. This in-process implementation is the notifier seam where a later
 * issue puts PostgreSQL LISTEN/NOTIFY (several server instances).
 */
export interface EventBus {
  emit<K extends ServerEventType>(type: K, payload: ServerEvents[K]): void;
  /** Subscribes; returns the function that unsubscribes. */
  on<K extends ServerEventType>(type: K, listener: Listener<K>): () => void;
}

export function createEventBus(
  onListenerError: (error: unknown, type: ServerEventType) => void = () => undefined,
): EventBus {
  const listeners = new Map<ServerEventType, Set<(payload: never) => void>>();
  return {
    emit(type, payload) {
      for (const listener of [...(listeners.get(type) ?? [])]) {
        try {
          (listener as Listener<typeof type>)(payload);
        } catch (error) {
          try {
            onListenerError(error, type);
          } catch {
            // The error reporter itself failed; nothing else can be done.
          }
        }
      }
    },
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

/** Resolves with the first payload of `type` that satisfies `match` (tests, waits). */
export function nextEvent<K extends ServerEventType>(
  events: EventBus,
  type: K,
  match: (payload: ServerEvents[K]) => boolean = () => true,
): Promise<ServerEvents[K]> {
  return new Promise((resolve) => {
    const off = events.on(type, (payload) => {
      if (!match(payload)) return;
      off();
      resolve(payload);
    });
  });
}
