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
