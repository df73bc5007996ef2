import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { ConnectedAgents } from '../agents/connected-agents.ts';
import { claim } from '../queue/claim.ts';
import { release } from '../queue/release.ts';

/** Pushes a tenant's queued requests to one of its connected sync-clients, if any. */
export interface Delivery {
  deliverPending(tenantId: string): Promise<void>;
}

const batchSize = 50;

/** In-process delivery: claims for the tenant's oldest channel on this instance and sends. */
export function createDelivery(deps: {
  db: Db;
  agents: ConnectedAgents;
  events: EventBus;
}): Delivery {
  const { db, agents, events } = deps;
  return {
    async deliverPending(tenantId) {
      for (;;) {
        const channel = agents.forTenant(tenantId)[0];
        if (!channel) return;
        const claimed = await claim(db, {
          tenantId,
          sessionId: channel.sessionId,
          limit: batchSize,
        });
        for (const request of claimed) {
          if (!channel.sendLookup(request.id, request.invoice)) {
            await release(db, channel.sessionId);
            return;
          }
          events.emit('validation.delivered', {
            id: request.id,
            tenantId,
            sessionId: channel.sessionId,
          });
        }
        if (claimed.length < batchSize) return;
      }
    },
  };
}
