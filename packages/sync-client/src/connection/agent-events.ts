import type { AgentTransportName, ErrorCode, RpcId } from '@cotejo/protocol';

/** How one server request was answered (no row contents: those stay on premises). */
export interface RequestOutcome {
  id: RpcId | null;
  method: string | null;
  outcome: 'ok' | ErrorCode;
  rows?: number;
  lookup?: string;
  message?: string;
}

/** What the agent connection reports; the CLI logs these and tests wait for them. */
export type AgentEvent =
  | { type: 'connecting'; attempt: number; url: string }
  | { type: 'connected'; url: string; transport: AgentTransportName }
  | { type: 'rejected'; status: number }
  | { type: 'socket-error'; message: string }
  | { type: 'disconnected'; code: number; reason: string; uptimeMs: number | null }
  | { type: 'reconnect-scheduled'; attempt: number; delayMs: number }
  | { type: 'heartbeat-timeout'; silentMs: number }
  /** Switched to long-poll (with the reason) or back to WebSocket (reason null). */
  | { type: 'transport-changed'; transport: AgentTransportName; reason: string | null }
  | ({ type: 'request-answered' } & RequestOutcome)
  | { type: 'stopped' };

export type AgentEventListener = (event: AgentEvent) => void;

/** Listeners are called in order; `emit` never throws, whatever a listener does. */
export function createEventChannel() {
  const listeners = new Set<AgentEventListener>();
  return {
    subscribe: (listener: AgentEventListener): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event: AgentEvent): void => {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A faulty subscriber must not break the connection.
        }
      }
    },
  };
}
