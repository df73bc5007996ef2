import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { readQueueDepth, type QueueDepth } from './queue-depth.ts';
import { RoundTripClock } from './round-trip-clock.ts';

/** Round trip buckets in seconds: the one-second target sits in the middle. */
const roundTripBuckets = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60];

/**
 * The Prometheus metrics of one server process, fed by the typed server events (nothing in the
 * domain knows about them) and, at scrape time, by two queue statements. One registry per
 * server, so several servers in one process (tests) do not collide.
 */
export function createServerMetrics(deps: { db: Db; events: EventBus }) {
  const { db, events } = deps;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cotejo_' });
  const clock = new RoundTripClock();
  /** One read of the queue per scrape, shared by the gauges that show it. */
  let scrapeDepth: Promise<QueueDepth> | undefined;
  const depth = () => (scrapeDepth ??= readQueueDepth(db));

  const validations = new Counter({
    name: 'cotejo_validations_total',
    help: 'Validations enqueued by this process that reached a final status, by status.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const roundTrip = new Histogram({
    name: 'cotejo_validation_round_trip_seconds',
    help: 'From enqueue to verdict, for validations enqueued by this process.',
    buckets: roundTripBuckets,
    registers: [registry],
  });
  const requeues = new Counter({
    name: 'cotejo_redeliveries_total',
    help: 'Delivered requests returned to the queue for another delivery, by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const leaseExpiries = new Counter({
    name: 'cotejo_lease_expiries_total',
    help: 'Leases that ended without a result (the sync-client did not answer in time).',
    registers: [registry],
  });
  const rejectedResults = new Counter({
    name: 'cotejo_results_rejected_total',
    help: 'Result frames ignored: duplicates of a stored verdict or unknown ids.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const refusedAgents = new Counter({
    name: 'cotejo_agent_upgrades_refused_total',
    help: 'sync-client connections refused before upgrading, by error code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const transports = new Map<string, string>();
  new Gauge({
    name: 'cotejo_connected_sync_clients',
    help: 'sync-client sessions open on this process, by transport.',
    labelNames: ['transport'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const counts = new Map<string, number>();
      for (const transport of transports.values()) {
        counts.set(transport, (counts.get(transport) ?? 0) + 1);
      }
      for (const [transport, count] of counts) this.set({ transport }, count);
    },
  });
  new Gauge({
    name: 'cotejo_queue_depth',
    help: 'Validation requests in the shared queue, by state (queued, delivered).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const { queued, delivered } = await depth();
      this.set({ state: 'queued' }, queued);
      this.set({ state: 'delivered' }, delivered);
    },
  });
  new Gauge({
    name: 'cotejo_oldest_pending_request_age_seconds',
    help: 'Age of the oldest request still waiting for a verdict (queued or delivered).',
    registers: [registry],
    async collect() {
      this.set((await depth()).oldestPendingSeconds);
    },
  });

  const unsubscribe = [
    events.on('validation.enqueued', ({ id }) => clock.start(id)),
    events.on('validation.completed', ({ id, status }) => {
      const seconds = clock.stop(id);
      if (seconds === undefined) return;
      validations.inc({ status });
      roundTrip.observe(seconds);
    }),
    events.on('validation.requeued', ({ reason }) => {
      requeues.inc({ reason });
      if (reason === 'leaseExpired') leaseExpiries.inc();
    }),
    events.on('validation.result_rejected', ({ code }) => rejectedResults.inc({ code })),
    events.on('agent.refused', ({ code }) => refusedAgents.inc({ code })),
    events.on('agent.connected', ({ sessionId, transport }) =>
      transports.set(sessionId, transport ?? 'websocket'),
    ),
    events.on('agent.disconnected', ({ sessionId }) => transports.delete(sessionId)),
  ];

  return {
    registry,
    contentType: registry.contentType,
    /** The exposition text; a failing queue statement fails the scrape, not the server. */
    async render(): Promise<string> {
      try {
        return await registry.metrics();
      } finally {
        scrapeDepth = undefined;
      }
    },
    stop(): void {
      unsubscribe.forEach((off) => off());
      registry.clear();
    },
  };
}

export type ServerMetrics = ReturnType<typeof createServerMetrics>;
