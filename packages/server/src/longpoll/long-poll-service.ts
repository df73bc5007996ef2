import {
  AppError,
  agentHelloParamsSchema,
  classifyFrame,
  rpcFailure,
  type RpcRequest,
  type RpcResponse,
} from '@cotejo/protocol';
import { openSession, recordHello } from '../agents/agent-sessions.ts';
import type { ConnectedAgents } from '../agents/connected-agents.ts';
import { resumePollingSession } from '../agents/polling-sessions.ts';
import type { Principal } from '../credentials/credential-service.ts';
import type { Db } from '../db/db.ts';
import type { Delivery } from '../delivery/delivery.ts';
import { receiveResponse, type ResponseDeps } from '../delivery/receive-response.ts';
import type { EventBus } from '../events/event-bus.ts';
import { PollWaiter } from './poll-waiter.ts';

export interface LongPollDeps extends ResponseDeps {
  db: Db;
  events: EventBus;
  agents: ConnectedAgents;
  delivery: Delivery;
}

export interface PollAnswer {
  sessionId: string;
  requests: RpcRequest[];
}

export interface RespondAnswer {
  sessionId: string;
  /** One JSON-RPC error per frame that was refused (unknown request, bad frame). */
  errors: RpcResponse[];
}

/**
 * The long-poll transport's domain: the same sessions, leases and delivery as the WebSocket,
 * with a request that waits for work instead of a socket. Sessions are rows, not sockets, so
 * consecutive polls may reach different instances.
 */
export function createLongPollService(deps: LongPollDeps) {
  const { db, events, agents, delivery } = deps;
  const waiters = new Set<PollWaiter>();

  async function session(principal: Principal, sessionId: unknown, remoteAddress?: string) {
    const resumed = await resumePollingSession(db, {
      sessionId,
      agentKeyId: principal.credentialId,
      transport: 'long-poll',
    });
    if (resumed) return { sessionId: resumed, opened: false };
    const opened = await openSession(db, {
      tenantId: principal.tenantId,
      agentKeyId: principal.credentialId,
      remoteAddress,
      transport: 'long-poll',
      instanceId: null,
    });
    events.emit('agent.connected', {
      sessionId: opened,
      tenantId: principal.tenantId,
      transport: 'long-poll',
    });
    return { sessionId: opened, opened: true };
  }

  return {
    /**
     * Claims the session's share of pending requests, or waits up to `waitMs` for some.
     * `signal` aborts the wait (the client went away).
     */
    async poll(
      principal: Principal,
      request: { sessionId: unknown; waitMs: number; remoteAddress?: string; signal: AbortSignal },
    ): Promise<PollAnswer> {
      const { sessionId } = await session(principal, request.sessionId, request.remoteAddress);
      const waiter = new PollWaiter(sessionId, principal.tenantId, (settled) => {
        waiters.delete(settled);
        agents.remove(settled);
      });
      waiters.add(waiter);
      agents.add(waiter);
      const abort = () => waiter.settle([]);
      request.signal.addEventListener('abort', abort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      try {
        // What is queued now is claimed before the wait starts, even with `wait=0`.
        await delivery.deliverPending(principal.tenantId);
        if (!waiter.settled) {
          timer = setTimeout(() => waiter.settle([]), request.waitMs);
          events.emit('agent.poll_waiting', { sessionId, tenantId: principal.tenantId });
        }
        return { sessionId, requests: await waiter.done };
      } finally {
        clearTimeout(timer);
        request.signal.removeEventListener('abort', abort);
        waiter.settle([]);
      }
    },

    /** Takes a batch of JSON-RPC frames: responses, and `agent.hello` notifications. */
    async respond(
      principal: Principal,
      request: { sessionId: unknown; frames: readonly unknown[]; remoteAddress?: string },
    ): Promise<RespondAnswer> {
      const { sessionId } = await session(principal, request.sessionId, request.remoteAddress);
      const from = { tenantId: principal.tenantId, sessionId };
      const errors: RpcResponse[] = [];
      for (const value of request.frames) {
        const frame = classifyFrame(value);
        if (frame?.kind === 'response') {
          const acceptance = await receiveResponse(deps, from, frame.frame);
          if (acceptance.kind === 'unknown') errors.push(rpcFailure(null, acceptance.error));
        } else if (frame?.kind === 'notification' && frame.frame.method === 'agent.hello') {
          const hello = agentHelloParamsSchema.safeParse(frame.frame.params);
          if (hello.success) {
            await recordHello(db, sessionId, hello.data);
            events.emit('agent.hello', { ...from, hostname: hello.data.hostname });
          } else {
            errors.push(
              rpcFailure(
                null,
                new AppError('BAD_REQUEST', 'agent.hello con parámetros inválidos.'),
              ),
            );
          }
        } else {
          errors.push(
            rpcFailure(
              null,
              new AppError(
                'INVALID_FRAME',
                'Solo se aceptan respuestas JSON-RPC 2.0 y la notificación agent.hello.',
              ),
            ),
          );
        }
      }
      return { sessionId, errors };
    },

    /** Ends every waiting poll empty (shutdown): the clients poll again, elsewhere. */
    stop(): void {
      for (const waiter of [...waiters]) waiter.settle([]);
    },
  };
}

export type LongPollService = ReturnType<typeof createLongPollService>;
