import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ConnectedAgents } from '../agents/connected-agents.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import { createPgClusterBus } from '../bus/pg-cluster-bus.ts';
import { createDelivery, type Delivery } from '../delivery/delivery.ts';
import { createSweeper, type Sweeper } from '../delivery/sweeper.ts';
import type { EventBus } from '../events/event-bus.ts';
import { newId } from '../ids.ts';
import { advisoryLockLiveness, singleProcessLiveness } from '../instances/instance-liveness.ts';
import { markInstancesStopped, registerInstance } from '../instances/server-instance.ts';
import { createLegacyGateway } from '../legacy/legacy-gateway.ts';
import { registerLegacyPollRoutes } from '../legacy/legacy-poll-routes.ts';
import { createLongPollService } from '../longpoll/long-poll-service.ts';
import { registerLongPollRoutes } from '../longpoll/long-poll-routes.ts';
import { createAgentGateway } from './agent-gateway.ts';
import { KeyCache } from './key-cache.ts';
import { SocketSessions } from './socket-sessions.ts';
import { UpgradeRateLimit } from './upgrade-rate-limit.ts';
import { routeUpgrades } from './upgrade-router.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's sweep (tests back-date rows and call `sweepOnce()`). */
    sweeper: Sweeper;
    /** This server process's id in `server_instances`. */
    instanceId: string;
  }
}

export type AgentTransportsConfig = Pick<
  Config,
  | 'heartbeatIntervalMs'
  | 'maxFrameBytes'
  | 'amountTolerance'
  | 'leaseMs'
  | 'maxAttempts'
  | 'maxInFlightPerAgent'
  | 'sweepIntervalMs'
  | 'pollIdleMs'
  | 'agentUpgradesPerSecond'
  | 'agentUpgradeBurst'
  | 'agentKeyCacheMs'
>;

/** Missed sweeps after which an instance without its lock counts as dead. */
const staleSweeps = 3;

/**
 * Everything that moves requests to sync-clients, wired onto the app: the delivery, the
 * WebSocket endpoints (v1 and legacy) on the HTTP server's upgrade, the long-poll and legacy
 * polling routes, the sweep, and, on PostgreSQL, the cluster bus (LISTEN/NOTIFY) and instance
 * liveness. On close: sockets get 1012 and their requests go back to the queue for the others.
 */
export function registerAgentTransports(
  app: FastifyInstance,
  deps: {
    db: Db;
    events: EventBus;
    logger: Logger;
    config: AgentTransportsConfig;
    /** PostgreSQL: enables the cluster bus. Unset (PGlite): one process, in-process events. */
    databaseUrl?: string | undefined;
  },
): { delivery: Delivery } {
  const { db, events, logger, config } = deps;
  const instanceId = newId();
  const agents = new ConnectedAgents();
  const delivery = createDelivery({
    db,
    agents,
    events,
    leaseMs: config.leaseMs,
    maxInFlightPerAgent: config.maxInFlightPerAgent,
    maxAttempts: config.maxAttempts,
    onError: (error, tenantId) => logger.error({ err: error, tenantId }, 'delivery failed'),
  });
  const responses = {
    db,
    events,
    amountTolerance: config.amountTolerance,
    maxAttempts: config.maxAttempts,
  };
  const sessions = new SocketSessions({
    db,
    events,
    delivery,
    agents,
    logger,
    instanceId,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    maxAttempts: config.maxAttempts,
  });
  const endpoints = { ...responses, sessions, logger, maxFrameBytes: config.maxFrameBytes };
  const keyCache =
    config.agentKeyCacheMs === 0
      ? undefined
      : new KeyCache({ ttlMs: config.agentKeyCacheMs, maxEntries: 100_000 });
  const offKeyRevoked = events.on('agent.key_revoked', ({ keyId }) => keyCache?.forgetKeyId(keyId));
  const upgrades = routeUpgrades(
    app.server,
    [createAgentGateway({ ...endpoints, keyCache }), createLegacyGateway(endpoints)],
    logger,
    {
      rateLimit: new UpgradeRateLimit({
        perSecond: config.agentUpgradesPerSecond,
        burst: config.agentUpgradeBurst,
      }),
      onThrottled: (remoteAddress) =>
        events.emit('agent.refused', { code: 'UNAVAILABLE', remoteAddress }),
    },
  );
  const longPoll = createLongPollService({ ...responses, agents, delivery });
  registerLongPollRoutes(app, { db, longPoll, maxFrameBytes: config.maxFrameBytes });
  registerLegacyPollRoutes(app, {
    ...responses,
    leaseMs: config.leaseMs,
    maxInFlightPerAgent: config.maxInFlightPerAgent,
    maxFrameBytes: config.maxFrameBytes,
  });

  const bus =
    deps.databaseUrl === undefined
      ? undefined
      : createPgClusterBus({
          connectionString: deps.databaseUrl,
          db,
          events,
          onError: (error) => logger.warn({ err: error }, 'cluster bus error'),
        });
  const sweeper = createSweeper({
    db,
    events,
    agents,
    instanceId,
    liveness: bus
      ? advisoryLockLiveness(staleSweeps * config.sweepIntervalMs)
      : singleProcessLiveness,
    maxAttempts: config.maxAttempts,
    pollIdleMs: config.pollIdleMs,
    intervalMs: config.sweepIntervalMs,
    onError: (error) => logger.error({ err: error }, 'sweep failed'),
  });
  events.on('agent.poll_waiting', (poll) => logger.debug(poll, 'long-poll waiting'));
  app.decorate('sweeper', sweeper);
  app.decorate('instanceId', instanceId);

  app.addHook('onReady', async () => {
    const instance = await registerInstance(db, instanceId);
    await bus?.start(instance);
    sweeper.start();
  });
  app.addHook('preClose', async () => {
    upgrades.detach();
    offKeyRevoked();
    await sessions.stop();
    await upgrades.close();
    longPoll.stop();
    await sweeper.stop();
    delivery.stop();
    await bus?.stop();
    await markInstancesStopped(db, [instanceId]);
  });
  return { delivery };
}
