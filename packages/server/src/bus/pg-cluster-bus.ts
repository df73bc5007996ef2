import type { Db } from '../db/db.ts';
import { openPgListener, type PgListener } from '../db/pg-listener.ts';
import type { EventBus } from '../events/event-bus.ts';
import { instanceLockNamespace, type ServerInstance } from '../instances/server-instance.ts';
import { createClusterRelay, type ClusterRelay } from './cluster-relay.ts';

/** The one NOTIFY channel instances share. */
export const clusterChannel = 'cotejo_cluster';

/** The cluster bus over PostgreSQL LISTEN/NOTIFY; started once the instance is registered. */
export interface ClusterBus {
  start(instance: ServerInstance): Promise<void>;
  stop(): Promise<void>;
}

export function createPgClusterBus(options: {
  connectionString: string;
  db: Db;
  events: EventBus;
  onError: (error: unknown) => void;
}): ClusterBus {
  let relay: ClusterRelay | undefined;
  let listener: PgListener | undefined;
  return {
    async start(instance) {
      const started = createClusterRelay({
        events: options.events,
        instanceId: instance.id,
        notify: async (payload) => {
          await options.db.query('select pg_notify($1::text, $2::text)', [clusterChannel, payload]);
        },
        onError: options.onError,
      });
      relay = started;
      listener = await openPgListener({
        connectionString: options.connectionString,
        channel: clusterChannel,
        lock: [instanceLockNamespace, instance.lockKey],
        onNotification: (payload) => started.receive(payload),
        onError: options.onError,
      });
    },
    async stop() {
      await relay?.stop();
      await listener?.close();
    },
  };
}
