import { closeSessions } from '../agents/agent-sessions.ts';
import type { ConnectedAgents } from '../agents/connected-agents.ts';
import { idleSessions } from '../agents/polling-sessions.ts';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { cleanDeadInstances } from '../instances/dead-instances.ts';
import type { InstanceLiveness } from '../instances/instance-liveness.ts';
import { touchInstance } from '../instances/server-instance.ts';
import { expireQueued } from '../queue/expire.ts';
import { requeue } from '../queue/requeue.ts';
import { announceRequeued } from './announce-requeued.ts';

export interface SweeperOptions {
  db: Db;
  events: EventBus;
  agents: ConnectedAgents;
  instanceId: string;
  liveness: InstanceLiveness;
  maxAttempts: number;
  pollIdleMs: number;
  intervalMs: number;
  onError: (error: unknown) => void;
}

/** Close code recorded for polling sessions that stopped polling. */
export const pollerGoneCode = 4000;

/**
 * The periodic sweep, one timer per instance. Each `sweepOnce()` (public: tests back-date rows
 * and call it) touches this instance's row, returns requests whose lease expired, expires
 * queued requests past their TTL (SIN_CONEXION), closes polling sessions gone quiet and the
 * sessions of dead instances, and re-announces queued work of tenants connected here (a
 * missed notification costs one interval, never a request).
 */
export function createSweeper(options: SweeperOptions) {
  const { db, events, maxAttempts } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function sweepOnce(): Promise<void> {
    await touchInstance(db, options.instanceId);
    announceRequeued(
      events,
      await requeue(db, { leaseExpired: true }, 'leaseExpired', maxAttempts),
      'leaseExpired',
    );
    announceRequeued(events, await expireQueued(db), 'leaseExpired');

    const idle = await idleSessions(db, options.pollIdleMs);
    if (idle.length > 0) {
      const sessionIds = idle.map((session) => session.id);
      announceRequeued(
        events,
        await requeue(db, { sessionIds }, 'pollerGone', maxAttempts),
        'pollerGone',
      );
      await closeSessions(db, sessionIds, {
        code: pollerGoneCode,
        reason: 'El sync-client dejó de consultar',
      });
      for (const { id, tenantId } of idle) {
        events.emit('agent.disconnected', {
          sessionId: id,
          tenantId,
          code: pollerGoneCode,
          reason: 'El sync-client dejó de consultar',
        });
      }
    }

    const cleaned = await cleanDeadInstances(db, options.liveness, options.instanceId, maxAttempts);
    for (const { instanceId, sessions, requeued } of cleaned) {
      announceRequeued(events, requeued, 'instanceDied');
      events.emit('instance.cleaned', { instanceId, sessions, requeued: requeued.length });
    }

    const local = options.agents.tenants();
    if (local.length > 0) {
      const waiting = await db.query<{ tenantId: string }>(
        `select distinct tenant_id as "tenantId" from validation_requests
         where tenant_id = any($1::uuid[]) and state = 'queued' and expires_at > now()`,
        [local],
      );
      for (const { tenantId } of waiting) events.emit('queue.work_available', { tenantId });
    }
  }

  return {
    sweepOnce,
    start(): void {
      timer ??= setInterval(() => {
        if (running) return;
        running = sweepOnce()
          .catch(options.onError)
          .finally(() => (running = undefined));
      }, options.intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type Sweeper = ReturnType<typeof createSweeper>;
