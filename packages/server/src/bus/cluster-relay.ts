import type { EventBus } from '../events/event-bus.ts';
import { CoalescingPublisher } from './coalescing-publisher.ts';
import { clusterMessageSchema, packClusterMessages, type ClusterItem } from './cluster-messages.ts';

export interface ClusterRelayOptions {
  events: EventBus;
  instanceId: string;
  /** Sends one payload to every instance (PostgreSQL NOTIFY). */
  notify: (payload: string) => Promise<void>;
  onError: (error: unknown) => void;
}

/**
 * Carries the events other instances need over the cluster bus: queued work (enqueued or
 * requeued here: a sync-client of the tenant may sit on another instance) and completions
 * (someone may be waiting for the verdict on another instance). Sends are coalesced; received
 * messages are re-emitted here as `queue.work_available` and `validation.completed`.
 */
export function createClusterRelay(options: ClusterRelayOptions) {
  const { events, instanceId } = options;
  let relaying = false;
  const publisher = new CoalescingPublisher<ClusterItem>(async (items) => {
    for (const payload of packClusterMessages(instanceId, items)) await options.notify(payload);
  }, options.onError);

  const work = ({ tenantId }: { tenantId: string }) =>
    publisher.publish({ kind: 'work', tenantId });
  const unsubscribe = [
    events.on('validation.enqueued', work),
    events.on('validation.requeued', work),
    events.on('validation.completed', ({ id, tenantId, status }) => {
      // A completion this relay itself re-emitted came from another instance: not again.
      if (!relaying) publisher.publish({ kind: 'done', entry: [id, tenantId, status] });
    }),
  ];

  return {
    /** Takes one payload from the bus. */
    receive(payload: string): void {
      let message;
      try {
        message = clusterMessageSchema.parse(JSON.parse(payload));
      } catch (error) {
        options.onError(error);
        return;
      }
      if (message.from === instanceId) return;
      for (const tenantId of message.work) events.emit('queue.work_available', { tenantId });
      relaying = true;
      try {
        for (const [id, tenantId, status] of message.done) {
          events.emit('validation.completed', { id, tenantId, status });
        }
      } finally {
        relaying = false;
      }
    },
    /** Stops relaying local events and sends what is still pending. */
    async stop(): Promise<void> {
      unsubscribe.forEach((off) => off());
      await publisher.flush();
    },
  };
}

export type ClusterRelay = ReturnType<typeof createClusterRelay>;
