/**
 * Delivery benchmark (`npm run bench -- delivery`): round trip of POST /api/validaciones
 * through a real sync-client process over WebSocket on the same instance, WebSocket across two
 * instances (request on B, client on A, LISTEN/NOTIFY between them) and long-poll; throughput at
 * a fixed concurrency; and, measured in the same run, a bare `ws` request/reply between two
 * processes as the floor. Two server processes on one PostgreSQL database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { prepareDemoTenant } from '../lib/demo-tenant.ts';
import { startTs, type LoggedProcess } from '../lib/logged-process.ts';
import { createPostgresDatabase } from '../lib/postgres-database.ts';
import { platformClient, startServerProcess, type ServerProcess } from '../lib/stack.ts';
import { summarize } from './percentiles.ts';
import { sequentialValidations } from './sequential.ts';

type Api = ReturnType<typeof platformClient>;

async function throughput(
  api: Api,
  invoices: readonly unknown[],
  total: number,
  concurrency: number,
) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const { httpStatus } = await api.validate(invoices[i % invoices.length]);
      if (httpStatus !== 200) throw new Error(`validation ${i} answered ${httpStatus}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { n: total, concurrency, perSecond: Math.round(total / seconds) };
}

/** The floor: N sequential request/reply pairs with a bare `ws` echo in another process. */
async function bareWs(count: number, warmup: number) {
  const echo = startTs('scripts/bench/delivery-echo.ts', [], {}, { direct: true });
  try {
    const { url } = await echo.waitForLog((line) => line.msg === 'listening');
    const socket = new WebSocket(String(url));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const samples: number[] = [];
    const frame = JSON.stringify({ jsonrpc: '2.0', id: 'x', method: 'invoice.lookup', params: {} });
    for (let i = 0; i < warmup + count; i++) {
      const started = performance.now();
      socket.send(frame);
      await new Promise((resolve) => socket.once('message', resolve));
      if (i >= warmup) samples.push(performance.now() - started);
    }
    socket.close();
    return summarize(samples);
  } finally {
    await echo.stop();
  }
}

async function withAgent<T>(
  configPath: string,
  agentKey: string,
  transport: 'websocket' | 'long-poll',
  run: () => Promise<T>,
): Promise<T> {
  const agent: LoggedProcess = startTs(
    'scripts/bench/delivery-agent.ts',
    [configPath, transport],
    { COTEJO_AGENT_KEY: agentKey },
    { direct: true },
  );
  try {
    await agent.waitForLog((line) => line.msg === 'connected' && line.transport === transport);
    return await run();
  } finally {
    await agent.stop();
  }
}

export async function delivery(count = 1000, warmup = 50, concurrency = 16) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-bench-delivery-'));
  const database = await createPostgresDatabase('cotejo_bench_delivery');
  const storage = { dataDir, databaseUrl: database.url };
  const servers: ServerProcess[] = [];
  try {
    const floor = await bareWs(count, warmup);
    const a = await startServerProcess(storage);
    servers.push(a);
    const b = await startServerProcess(storage);
    servers.push(b);
    const { credentials, invoices, configPath } = await prepareDemoTenant(storage, a.url);
    const onA = platformClient(a.url, credentials.apiToken);
    const onB = platformClient(b.url, credentials.apiToken);
    const total = count * 2;

    const websocket = await withAgent(configPath, credentials.agentKey, 'websocket', async () => ({
      sameInstance: await sequentialValidations(onA, invoices, count, warmup),
      crossInstance: await sequentialValidations(onB, invoices, count, warmup),
      throughput: await throughput(onA, invoices, total, concurrency),
    }));
    const longPoll = await withAgent(configPath, credentials.agentKey, 'long-poll', async () => ({
      latency: await sequentialValidations(onA, invoices, count, warmup),
      throughput: await throughput(onA, invoices, total, concurrency),
    }));
    return {
      'bare ws (floor), ms': floor,
      'websocket same instance, ms': websocket.sameInstance,
      'websocket cross instance, ms': websocket.crossInstance,
      'long-poll, ms': longPoll.latency,
      [`throughput websocket (concurrency ${concurrency})`]: websocket.throughput,
      [`throughput long-poll (concurrency ${concurrency})`]: longPoll.throughput,
    };
  } finally {
    for (const server of servers) await server.process.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
