import { join } from 'node:path';
import { createDemoErp, demoErpLookupSql } from './demo-erp.ts';
import { createTenantWithCredentials, type StorageEnv } from './stack.ts';
import { writeSqliteSyncClientConfig } from './sync-client-config.ts';

/**
 * A tenant ready for a benchmark: its credentials, the demo SQLite ERP under `dataDir` with the
 * four demo invoices, and a sync-client YAML pointing at `serverUrl`.
 */
export async function prepareDemoTenant(storage: StorageEnv, serverUrl: string) {
  const credentials = await createTenantWithCredentials(storage, 'Bench');
  const erpPath = join(storage.dataDir, 'erp.sqlite');
  const invoices = Object.values(createDemoErp(erpPath));
  const configPath = join(storage.dataDir, 'sync-client.yaml');
  writeSqliteSyncClientConfig(configPath, { serverUrl, erpPath, lookupSql: demoErpLookupSql });
  return { credentials, invoices, configPath };
}
