import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createDbAdminService, type AdminService } from './admin/admin-service.ts';
import { lockDataDir } from './admin/data-dir-lock.ts';
import { removeServerFiles, writeServerFiles } from './admin/server-file.ts';
import { buildServer } from './app.ts';
import type { Config } from './config.ts';
import { generateSecret } from './credentials/secret.ts';
import { openDb } from './db/open-db.ts';
import { createDiskFileStore } from './storage/disk-file-store.ts';
import { createLogger } from './logger.ts';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3000` (the real port when PORT=0). */
  url: string;
  admin: AdminService;
  /** Closes agent sockets (1012), stops listening and closes the database. Idempotent. */
  stop(): Promise<void>;
}

/** Opens and migrates the database, builds the server, listens and logs "server listening". */
export async function startServer(
  config: Config,
  options: { logger?: Logger } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const embedded = config.databaseUrl === undefined;
  if (embedded) await mkdir(config.dataDir, { recursive: true });
  const lock = embedded ? await lockDataDir(config.dataDir) : null;
  let db;
  try {
    db = await openDb(config);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const adminSecret = embedded ? generateSecret('ca_') : undefined;
  const app = buildServer({
    config,
    db,
    logger,
    ...(adminSecret && { adminSecret }),
    databaseUrl: config.databaseUrl,
    web: { sessionTtlMs: config.sessionTtlMs, webDir: config.webDir },
    documents: {
      files: createDiskFileStore(config.filesDir),
      maxUploadBytes: config.maxUploadBytes,
      extraction: {
        workers: config.extractionWorkers,
        timeoutMs: config.extractionTimeoutMs,
        memoryMb: config.extractionMemoryMb,
      },
      ...(config.llmExtractor && { llm: config.llmExtractor }),
    },
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await db.close();
    await lock?.release();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${urlHost(config.host)}:${port}`;
  if (adminSecret) await writeServerFiles(config.dataDir, { url, pid: process.pid }, adminSecret);
  logger.info({ url, database: embedded ? 'pglite' : 'postgres' }, 'server listening');

  let stopping: Promise<void> | undefined;
  return {
    url,
    admin: createDbAdminService(db),
    stop: () =>
      (stopping ??= (async () => {
        if (embedded) await removeServerFiles(config.dataDir);
        await app.close();
        await db.close();
        await lock?.release();
        logger.info('server stopped');
      })()),
  };
}

/** A host clients can reach: wildcard addresses become loopback; IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
