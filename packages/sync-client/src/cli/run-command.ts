import { hostname } from 'node:os';
import { pino } from 'pino';
import type { SyncClientConfig } from '../config/load-config.ts';
import { AgentConnection } from '../connection/agent-connection.ts';
import { createDriver } from '../drivers/create-driver.ts';
import { buildRequestHandler } from '../requests/build-request-handler.ts';
import { syncClientVersion } from '../version.ts';
import { logAgentEvent } from './log-agent-event.ts';

export interface RunningClient {
  stop(): Promise<void>;
}

/** `run`: opens the database, then keeps the connection to the server until `stop()`. */
export async function runClient(config: SyncClientConfig): Promise<RunningClient> {
  const logger = pino({ level: config.logLevel, base: { app: 'cotejo-sync-client' } });
  const driver = await createDriver(config.database, {
    onWarning: (message) => logger.warn(message),
  });
  await driver.connect();
  logger.info(
    {
      database: config.database.kind,
      lookups: config.lookups.length,
      queries: config.queries.length,
      dataMinimization: config.dataMinimization,
      audit: config.audit.path,
    },
    'database ready',
  );
  const runner = buildRequestHandler(config, driver);
  const connection = new AgentConnection({
    serverUrl: config.server.url,
    key: config.server.key,
    runner,
    hello: {
      version: syncClientVersion,
      hostname: hostname().slice(0, 255),
      database: config.database.kind,
      lookups: [...runner.names],
      queries: [...(runner.queryNames ?? [])],
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
