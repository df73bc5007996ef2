/**
 * The load process of the connections benchmark: opens one real sync-client connection
 * (`AgentConnection`: WebSocket, hello, heartbeat watchdog, reconnect with backoff and jitter)
 * per agent key, all answering from one SQLite ERP, and reports on stdout as JSON lines:
 * `all-connected`, then, after the server restarts, `storm-recovered` once every connection is
 * back and authenticated. Usage: connections-load.ts <keys.json> <sync-client.yaml>; the
 * YAML gives the server URL, the ERP and the lookups, the keys file one key per connection.
 */
import { readFileSync } from 'node:fs';
import { AgentConnection, createDriver, createLookupRunner, loadConfig } from '@cotejo/sync-client';

const [keysPath = '', configPath = ''] = process.argv.slice(2);
const keys = JSON.parse(readFileSync(keysPath, 'utf8')) as string[];
/** Handshakes in progress at once while opening the first connections. */
const openingWindow = 500;

// The YAML names the key's variable; every connection gets its own key instead.
const config = loadConfig(configPath, { ...process.env, COTEJO_AGENT_KEY: keys[0] ?? '' });
const driver = await createDriver(config.database);
await driver.connect();
const runner = createLookupRunner({
  driver,
  lookups: config.lookups,
  queryTimeoutMs: config.queryTimeoutMs,
  maxConcurrentLookups: config.maxConcurrentLookups,
});

const print = (line: object) => console.log(JSON.stringify(line));
const up = new Set<number>();
const rejected = new Map<number, number>();
let stormStartedAt: number | null = null;
let reconnectAttempts = 0;
let answered = 0;
const onLongPoll = new Set<number>();
const startedAt = performance.now();
let allConnected = false;

const connections = keys.map((key, index) => {
  const connection = new AgentConnection({
    serverUrl: config.server.url,
    key,
    runner,
    hello: {
      version: 'bench',
      hostname: `load-${index}`,
      database: 'sqlite',
      lookups: ['facturas'],
      queries: [],
    },
  });
  connection.on((event) => {
    switch (event.type) {
      case 'connected':
        up.add(index);
        if (!allConnected && up.size === keys.length) {
          allConnected = true;
          print({ msg: 'all-connected', count: up.size, ms: performance.now() - startedAt });
        } else if (stormStartedAt !== null && up.size === keys.length) {
          print({
            msg: 'storm-recovered',
            count: up.size,
            ms: performance.now() - stormStartedAt,
            reconnectAttempts,
            rejected: Object.fromEntries(rejected),
            answered,
            onLongPoll: onLongPoll.size,
          });
          stormStartedAt = null;
        }
        break;
      case 'disconnected':
        up.delete(index);
        if (allConnected && stormStartedAt === null) stormStartedAt = performance.now();
        break;
      case 'connecting':
        if (stormStartedAt !== null) reconnectAttempts++;
        break;
      case 'rejected':
        rejected.set(event.status, (rejected.get(event.status) ?? 0) + 1);
        break;
      case 'request-answered':
        answered++;
        break;
      case 'transport-changed':
        if (event.transport === 'long-poll') onLongPoll.add(index);
        else onLongPoll.delete(index);
        break;
      case 'reconnect-scheduled':
      case 'socket-error':
      case 'heartbeat-timeout':
      case 'stopped':
        break;
    }
  });
  return connection;
});

// Open in a sliding window, so the first connect is not itself a storm.
for (let next = 0; next < connections.length; next++) {
  while (next - up.size >= openingWindow) await new Promise((resolve) => setTimeout(resolve, 20));
  connections[next]?.start();
}

const progress = setInterval(() => print({ msg: 'progress', up: up.size }), 1000);
process.once('SIGTERM', () => {
  clearInterval(progress);
  void Promise.all(connections.map((connection) => connection.stop()))
    .then(() => driver.close())
    .then(() => process.exit(0));
});
