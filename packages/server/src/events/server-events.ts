import type { ErrorCode, ValidationStatus } from '@cotejo/protocol';
import type { AgentTransport } from '../agents/agent-transports.ts';
import type { RequeueReason } from '../queue/requeue-reasons.ts';

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
  /** A delivered request went back to the queue (its lease ended without a result). */
  'validation.requeued': { id: string; tenantId: string; reason: RequeueReason };
  /** Another server instance has queued work for this tenant (relayed by the cluster bus). */
  'queue.work_available': { tenantId: string };
  'agent.connected': { sessionId: string; tenantId: string; transport?: AgentTransport };
  'agent.hello': { sessionId: string; tenantId: string; hostname: string };
  /** A long-poll request is waiting for work. */
  'agent.poll_waiting': { sessionId: string; tenantId: string };
  'agent.disconnected': { sessionId: string; tenantId: string; code: number; reason: string };
  'agent.frame_rejected': { sessionId: string; tenantId: string; code: ErrorCode };
  'agent.refused': { code: ErrorCode; remoteAddress: string | undefined };
  /** A document was created or its state or verdict changed (the event stream relays it). */
  'document.changed': { id: string; tenantId: string; status: string };
  /** A user revoked an agent key: the gateways close these sessions at once. */
  'agent.key_revoked': { tenantId: string; keyId: string; sessionIds: string[] };
  /** A sweep closed the sessions of a dead server instance and returned their requests. */
  'instance.cleaned': { instanceId: string; sessions: number; requeued: number };
}

export type ServerEventType = keyof ServerEvents;
