/**
 * Durable throughput (`npm run bench -- throughput`): POST /api/validaciones (each one a queue
 * row, a push over the WebSocket, a SQLite lookup by a real sync-client process, a stored
 * verdict) at rising concurrency — 1, 2, 4, … — until the p99 of the round trip passes 20 ms.
 * One server process on a fresh PostgreSQL database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDemoTenant } from '../lib/demo-tenant.ts';
import { createPostgresDatabase } from '../lib/postgres-database.ts';
import { platformClient, startServerProcess, startSyncClient } from '../lib/stack.ts';
import { summarize } from './percentiles.ts';

type Api = ReturnType<typeof platformClient>;

/** `total` validations by `concurrency` workers; every sample is one call's wall time. */
async function level(api: Api, invoices: readonly unknown[], total: number, concurrency: number) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const begun = performance.now();
      const { httpStatus } = await api.validate(invoices[i % invoices.length]);
      samples.push(performance.now() - begun);
      if (httpStatus !== 200) throw new Error(`validation ${i} answered ${httpStatus}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { concurrency, perSecond: Math.round(total / seconds), ...summarize(samples) };
}

export async function throughputBench(p99LimitMs = 20, maxConcurrency = 256) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-bench-throughput-'));
  const database = await createPostgresDatabase('cotejo_bench_throughput');
  const storage = { dataDir, databaseUrl: database.url };
  const server = await startServerProcess(storage, {
    MAX_IN_FLIGHT_PER_AGENT: String(maxConcurrency),
    LOG_LEVEL: 'info',
  });
  try {
    const { credentials, invoices, configPath } = await prepareDemoTenant(storage, server.url);
    const syncClient = await startSyncClient(configPath, credentials.agentKey);
    try {
      const api = platformClient(server.url, credentials.apiToken);
      await level(api, invoices, 100, 4); // warm-up
      const rows: Record<string, Awaited<ReturnType<typeof level>>> = {};
      for (let concurrency = 1; concurrency <= maxConcurrency; concurrency *= 2) {
        const result = await level(api, invoices, Math.max(400, concurrency * 40), concurrency);
        rows[`concurrency ${concurrency}`] = result;
        if (result.p99 > p99LimitMs) break;
      }
      return rows;
    } finally {
      await syncClient.stop();
    }
  } finally {
    await server.process.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
