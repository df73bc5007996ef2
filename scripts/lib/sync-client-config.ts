import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

export interface SqliteSyncClientConfig {
  serverUrl: string;
  erpPath: string;
  lookupSql: string;
  keyEnv?: string;
}

/** Writes a sync-client YAML for a SQLite ERP; the key itself stays in the environment. */
export function writeSqliteSyncClientConfig(path: string, config: SqliteSyncClientConfig): void {
  const yaml = stringify({
    server: { url: config.serverUrl, keyEnv: config.keyEnv ?? 'COTEJO_AGENT_KEY' },
    database: { kind: 'sqlite', path: config.erpPath },
    lookups: [{ name: 'facturas', sql: config.lookupSql.trim() }],
    queryTimeoutMs: 5000,
  });
  writeFileSync(path, yaml, { mode: 0o600 });
}

export interface PostgresSyncClientConfig {
  serverUrl: string;
  /** The ERP database: `postgres://user@host:port/name` (no password: trust on loopback). */
  erpUrl: string;
  lookupSql: string;
  maxConcurrentLookups?: number;
}

/** Writes a sync-client YAML for a PostgreSQL ERP. */
export function writePostgresSyncClientConfig(
  path: string,
  config: PostgresSyncClientConfig,
): void {
  const erp = new URL(config.erpUrl);
  const yaml = stringify({
    server: { url: config.serverUrl, keyEnv: 'COTEJO_AGENT_KEY' },
    database: {
      kind: 'postgres',
      host: erp.hostname,
      port: Number(erp.port || 5432),
      user: decodeURIComponent(erp.username),
      database: erp.pathname.slice(1),
    },
    lookups: [{ name: 'facturas', sql: config.lookupSql.trim() }],
    queryTimeoutMs: 60_000,
    maxConcurrentLookups: config.maxConcurrentLookups ?? 4,
  });
  writeFileSync(path, yaml, { mode: 0o600 });
}
