/**
 * Round trip of POST /api/validaciones through a real sync-client process and a SQLite ERP,
 * sequential, measured by the API client, on PGlite and on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDemoErp, demoErpLookupSql } from '../lib/demo-erp.ts';
import {
  createTenantWithCredentials,
  platformClient,
  startServerProcess,
  startSyncClient,
  type StorageEnv,
} from '../lib/stack.ts';
import { writeSqliteSyncClientConfig } from '../lib/sync-client-config.ts';
import { summarize } from './percentiles.ts';

const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withPostgresDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = `cotejo_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function measure(storage: StorageEnv, count: number, warmup: number) {
  const server = await startServerProcess(storage);
  try {
    const credentials = await createTenantWithCredentials(storage, 'Bench');
    const erpPath = join(storage.dataDir, 'erp.sqlite');
    const invoices = Object.values(createDemoErp(erpPath));
    const configPath = join(storage.dataDir, 'sync-client.yaml');
    writeSqliteSyncClientConfig(configPath, {
      serverUrl: server.url,
      erpPath,
      lookupSql: demoErpLookupSql,
    });
    const syncClient = await startSyncClient(configPath, credentials.agentKey);
    try {
      const api = platformClient(server.url, credentials.apiToken);
      const samples: number[] = [];
      for (let i = 0; i < warmup + count; i++) {
        const started = performance.now();
        const { httpStatus } = await api.validate(invoices[i % invoices.length]);
        const elapsed = performance.now() - started;
        if (httpStatus !== 200) throw new Error(`validation ${i} answered ${httpStatus}`);
        if (i >= warmup) samples.push(elapsed);
      }
      return summarize(samples);
    } finally {
      await syncClient.stop();
    }
  } finally {
    await server.process.stop();
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
          : await withPostgresDatabase((databaseUrl) =>
              measure({ dataDir, databaseUrl }, count, warmup),
            );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return results;
}
