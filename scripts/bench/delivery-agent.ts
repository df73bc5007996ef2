/**
 * A sync-client for the delivery benchmark: the real connection, runner and driver, with the
 * transport forced by argv (`websocket` | `long-poll`), so every scenario measures the same
 * client and only the transport differs. Usage: delivery-agent.ts <config.yaml> <transport>.
 */
import { hostname } from 'node:os';
import type { AgentTransportName } from '@cotejo/protocol';
import { AgentConnection, createDriver, createLookupRunner, loadConfig } from '@cotejo/sync-client';

const [configPath, transport] = process.argv.slice(2) as [string, AgentTransportName];
const config = loadConfig(configPath, process.env);
const driver = await createDriver(config.database);
await driver.connect();
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
  transport,
  hello: {
    version: 'bench',
    hostname: hostname(),
    database: config.database.kind,
    lookups: [...runner.names],
    queries: [],
  },
});
connection.on((event) => {
  if (event.type === 'connected') console.log(JSON.stringify({ msg: 'connected', ...event }));
});
connection.start();
process.once('SIGTERM', () => {
  void connection
    .stop()
    .then(() => driver.close())
    .then(() => process.exit(0));
});
