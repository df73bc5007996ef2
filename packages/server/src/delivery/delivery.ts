import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { ConnectedAgents } from '../agents/connected-agents.ts';
import { claim, type ClaimedRequest } from '../queue/claim.ts';
import { inFlightBySession } from '../queue/in-flight.ts';
import { requeue } from '../queue/requeue.ts';
import { announceRequeued } from './announce-requeued.ts';
import { planByLeastInFlight } from './least-in-flight.ts';

/** Pushes a tenant's queued requests to its sync-clients connected to this instance. */
export interface Delivery {
  /**
   * One delivery pass for the tenant. Calls during a pass are coalesced into one more pass
   * after it, which they all await.
   */
  deliverPending(tenantId: string): Promise<void>;
  stop(): void;
}

export interface DeliveryOptions {
  db: Db;
  agents: ConnectedAgents;
  events: EventBus;
  leaseMs: number;
  maxInFlightPerAgent: number;
  maxAttempts: number;
  onError: (error: unknown, tenantId: string) => void;
}

/** Requests claimed per statement. */
const batchSize = 100;

/**
 * Least in-flight delivery with a per-client cap. Besides explicit calls it runs when a request
 * is requeued here, when another instance announces work, and when a result frees a slot of a
 * tenant whose clients were all full.
 */
export function createDelivery(options: DeliveryOptions): Delivery {
  const { db, agents, events } = options;
  const passes = new Map<string, { again: boolean; done: Promise<void> }>();
  /** Tenants whose last pass stopped because every channel was at its cap. */
  const saturated = new Set<string>();

  async function pass(tenantId: string): Promise<void> {
    for (;;) {
      const channels = agents.forTenant(tenantId).filter((channel) => channel.canSend?.() ?? true);
      if (channels.length === 0) return;
      const loads = await inFlightBySession(
        db,
        channels.map((channel) => channel.sessionId),
      );
      const plan = planByLeastInFlight(
        channels.map((channel) => ({
          sessionId: channel.sessionId,
          inFlight: loads.get(channel.sessionId) ?? 0,
        })),
        options.maxInFlightPerAgent,
        batchSize,
      );
      if (plan.length < batchSize) saturated.add(tenantId);
      else saturated.delete(tenantId);
      const claimed = await claim(db, { tenantId, plan, leaseMs: options.leaseMs });
      if (claimed.length < plan.length) saturated.delete(tenantId);
      await send(tenantId, claimed);
      if (claimed.length < batchSize) return;
    }
  }

  async function send(tenantId: string, claimed: readonly ClaimedRequest[]): Promise<void> {
    const bySession = new Map<string, ClaimedRequest[]>();
    for (const request of claimed) {
      bySession.set(request.sessionId, [...(bySession.get(request.sessionId) ?? []), request]);
    }
    for (const [sessionId, requests] of bySession) {
      const channel = agents.forTenant(tenantId).find((c) => c.sessionId === sessionId);
      if (channel?.sendLookups(requests)) {
        for (const { id } of requests) {
          events.emit('validation.delivered', { id, tenantId, sessionId });
        }
        continue;
      }
      // The channel left between claim and send: these requests go straight back.
      const requestIds = requests.map((request) => request.id);
      const returned = await requeue(db, { requestIds, sessionId }, 'notSent', options.maxAttempts);
      announceRequeued(events, returned, 'notSent');
    }
  }

  function deliverPending(tenantId: string): Promise<void> {
    const running = passes.get(tenantId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const state = { again: false, done: Promise.resolve() };
    passes.set(tenantId, state);
    state.done = (async () => {
      try {
        do {
          state.again = false;
          await pass(tenantId);
        } while (state.again);
      } finally {
        passes.delete(tenantId);
      }
    })();
    return state.done;
  }

  const deliverInBackground = (tenantId: string) => {
    deliverPending(tenantId).catch((error: unknown) => options.onError(error, tenantId));
  };
  const unsubscribe = [
    events.on('validation.requeued', ({ tenantId }) => deliverInBackground(tenantId)),
    events.on('queue.work_available', ({ tenantId }) => deliverInBackground(tenantId)),
    events.on('validation.completed', ({ tenantId }) => {
      if (saturated.has(tenantId)) deliverInBackground(tenantId);
    }),
  ];

  return {
    deliverPending,
    stop: () => unsubscribe.forEach((off) => off()),
  };
}
