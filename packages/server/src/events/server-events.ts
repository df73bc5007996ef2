import type { ErrorCode, ValidationStatus } from '@cotejo/protocol';

/** Every event the server emits, by type. Tests and (later) metrics subscribe to them. */
export interface ServerEvents {
  'validation.enqueued': { id: string; tenantId: string };
  'validation.delivered': { id: string; tenantId: string; sessionId: string };
  'validation.completed': { id: string; tenantId: string; status: ValidationStatus };
  'validation.result_rejected': {
    id: unknown;
    tenantId: string;
    sessionId: string;
    code: 'UNKNOWN_REQUEST' | 'ALREADY_COMPLETED';
  };
  'agent.connected': { sessionId: string; tenantId: string };
  'agent.hello': { sessionId: string; tenantId: string; hostname: string };
  'agent.disconnected': { sessionId: string; tenantId: string; code: number; reason: string };
  'agent.frame_rejected': { sessionId: string; tenantId: string; code: ErrorCode };
  'agent.refused': { code: ErrorCode; remoteAddress: string | undefined };
}

export type ServerEventType = keyof ServerEvents;
