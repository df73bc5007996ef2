/**
 * Round trip of POST /api/validaciones through a real sync-client process and a SQLite ERP,
 * sequential, measured by the API client, on PGlite and on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDemoTenant } from '../lib/demo-tenant.ts';
import { createPostgresDatabase } from '../lib/postgres-database.ts';
import {
  platformClient,
  startServerProcess,
  startSyncClient,
  type StorageEnv,
} from '../lib/stack.ts';
import type { summarize } from './percentiles.ts';
import { sequentialValidations } from './sequential.ts';

async function measure(storage: StorageEnv, count: number, warmup: number) {
  const server = await startServerProcess(storage);
  try {
    const { credentials, invoices, configPath } = await prepareDemoTenant(storage, server.url);
    const syncClient = await startSyncClient(configPath, credentials.agentKey);
    try {
      const api = platformClient(server.url, credentials.apiToken);
      return await sequentialValidations(api, invoices, count, warmup);
    } finally {
      await syncClient.stop();
    }
  } finally {
    await server.process.stop();
  }
}

async function measureOnPostgres(dataDir: string, count: number, warmup: number) {
  const database = await createPostgresDatabase('cotejo_bench');
  try {
    return await measure({ dataDir, databaseUrl: database.url }, count, warmup);
  } finally {
    await database.drop();
  }
}

export async function roundTrip(count = 1000, warmup = 50) {
  const results: Record<string, ReturnType<typeof summarize>> = {};
  for (const storage of ['pglite', 'postgres'] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), `cotejo-bench-${storage}-`));
    try {
      results[storage] =
        storage === 'pglite'
          ? await measure({ dataDir }, count, warmup)
          : await measureOnPostgres(dataDir, count, warmup);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return results;
}
