export { loadConfig, type SyncClientConfig } from './config/load-config.ts';
export { guardSelect, type GuardedStatement } from './config/sql-guard.ts';
export { AgentConnection, type AgentConnectionOptions } from './connection/agent-connection.ts';
export type { AgentEvent, AgentEventListener } from './connection/agent-events.ts';
export { createDriver } from './drivers/create-driver.ts';
export type { DatabaseSettings, Driver, DriverRow, QueryOptions } from './drivers/driver.ts';
export { createLookupRunner, type LookupRunner } from './lookup/lookup-runner.ts';
export { lookupParameterNames, type LookupParameterName } from './lookup/lookup-parameters.ts';
export { runClient, type RunningClient } from './cli/run-command.ts';
