import { hostname } from 'node:os';
import { pino } from 'pino';
import type { SyncClientConfig } from '../config/load-config.ts';
import { AgentConnection } from '../connection/agent-connection.ts';
import { createDriver } from '../drivers/create-driver.ts';
import { createLookupRunner } from '../lookup/lookup-runner.ts';
import { syncClientVersion } from '../version.ts';
import { logAgentEvent } from './log-agent-event.ts';

export interface RunningClient {
  stop(): Promise<void>;
}

/** `run`: opens the database, then keeps the connection to the server until `stop()`. */
export async function runClient(config: SyncClientConfig): Promise<RunningClient> {
  const logger = pino({ level: config.logLevel, base: { app: 'cotejo-sync-client' } });
  const driver = await createDriver(config.database);
  await driver.connect();
  logger.info({ database: config.database.kind, lookups: config.lookups.length }, 'database ready');
  const runner = createLookupRunner({
    driver,
    lookups: config.lookups,
    queryTimeoutMs: config.queryTimeoutMs,
    maxConcurrentLookups: config.maxConcurrentLookups,
  });
  const connection = new AgentConnection({
    serverUrl: config.server.url,
    key: config.server.key,
    runner,
    hello: {
      version: syncClientVersion,
      hostname: hostname().slice(0, 255),
      database: config.database.kind,
      lookups: [...runner.names],
      queries: [],
    },
  });
  connection.on((event) => logAgentEvent(logger, event));
  connection.start();
  return {
    async stop() {
      await connection.stop();
      await driver.close();
    },
  };
}
