import { join } from 'node:path';
import { z } from 'zod';
import { isTolerance } from '@cotejo/protocol';
import { defaultSessionTtlMs } from './sessions/session-cookie.ts';

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: `se espera un número entero entre ${min} y ${max}` })
    .int({ error: `se espera un número entero entre ${min} y ${max}` })
    .min(min, { error: `se espera un número entero entre ${min} y ${max}` })
    .max(max, { error: `se espera un número entero entre ${min} y ${max}` });

const nonEmpty = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `se espera ${what}` });

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z
  .object({
    PORT: integer(0, 65_535).default(3000),
    HOST: nonEmpty('una dirección o nombre de host').default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, { error: 'se espera una URL postgres://usuario@host/base' })
      .optional(),
    DATA_DIR: nonEmpty('un directorio').default('./data'),
    SYNC_WAIT_MS: integer(0, 60_000).default(3000),
    HEARTBEAT_MS: integer(1, 3_600_000).default(20_000),
    MAX_FRAME_BYTES: integer(1024, 64 * 1024 * 1024).default(1_048_576),
    AMOUNT_TOLERANCE: z
      .string()
      .trim()
      .refine(isTolerance, {
        error: 'se espera un importe decimal no negativo, por ejemplo 0.01',
      })
      .default('0.01'),
    REQUEST_TTL_MS: integer(1000, 30 * 24 * 3_600_000).default(24 * 3_600_000),
    LEASE_MS: integer(1000, 3_600_000).default(30_000),
    MAX_ATTEMPTS: integer(1, 100).default(5),
    MAX_IN_FLIGHT_PER_AGENT: integer(1, 1000).default(16),
    SWEEP_INTERVAL_MS: integer(50, 3_600_000).default(1000),
    POLL_IDLE_MS: integer(1000, 3_600_000).default(60_000),
    AGENT_UPGRADES_PER_SECOND: integer(1, 100_000).default(500),
    AGENT_UPGRADE_BURST: integer(1, 100_000).default(1000),
    AGENT_KEY_CACHE_MS: integer(0, 600_000).default(5000),
    SESSION_TTL_MS: integer(60_000, 30 * 24 * 3_600_000).default(defaultSessionTtlMs),
    WEB_DIR: nonEmpty('un directorio').optional(),
    LOG_LEVEL: z
      .enum(logLevels, { error: `se espera uno de: ${logLevels.join(', ')}` })
      .default('info'),
    MAX_UPLOAD_BYTES: integer(1024, 200 * 1024 * 1024).default(20 * 1024 * 1024),
    FILES_DIR: nonEmpty('un directorio').optional(),
    EXTRACTION_WORKERS: integer(1, 32).default(2),
    EXTRACTION_TIMEOUT_MS: integer(1000, 600_000).default(30_000),
    EXTRACTION_MEMORY_MB: integer(64, 8192).default(512),
    LLM_EXTRACTOR_URL: z
      .url({ protocol: /^https?$/, error: 'se espera una URL http(s):// sin usuario ni clave' })
      .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), {
        error:
          'se espera una URL http(s):// sin usuario ni clave (la clave va en LLM_EXTRACTOR_API_KEY)',
      })
      .optional(),
    LLM_EXTRACTOR_MODEL: nonEmpty('el nombre del modelo').optional(),
    LLM_EXTRACTOR_API_KEY: z.string().trim().optional(),
    LLM_EXTRACTOR_TIMEOUT_MS: integer(1000, 600_000).default(30_000),
  })
  .superRefine((e, ctx) => {
    if (e.LLM_EXTRACTOR_URL !== undefined && e.LLM_EXTRACTOR_MODEL === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['LLM_EXTRACTOR_MODEL'],
        message: 'se espera el nombre del modelo cuando LLM_EXTRACTOR_URL está definida',
      });
    }
  });

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly syncWaitMs: number;
  readonly heartbeatIntervalMs: number;
  readonly maxFrameBytes: number;
  readonly amountTolerance: string;
  readonly requestTtlMs: number;
  /** How long a delivered request stays with one sync-client before it is redelivered. */
  readonly leaseMs: number;
  /** Deliveries of one request before it is stored as ERROR (DELIVERY_FAILED). */
  readonly maxAttempts: number;
  /** Requests one sync-client may hold at once (least in-flight spreads the rest). */
  readonly maxInFlightPerAgent: number;
  /** Period of the sweep: expired leases, TTL, dead instances, idle polling sessions. */
  readonly sweepIntervalMs: number;
  /** A polling sync-client silent this long is gone: its session closes, its leases return. */
  readonly pollIdleMs: number;
  /** New sync-client WebSocket connections accepted per second (beyond the burst: 503). */
  readonly agentUpgradesPerSecond: number;
  readonly agentUpgradeBurst: number;
  /** How long an accepted agent key is remembered (skips the lookup on reconnect); 0 = off. */
  readonly agentKeyCacheMs: number;
  /** How long a web app session lasts after login. */
  readonly sessionTtlMs: number;
  /** The built web app (Vite's `dist`); undefined = `packages/web/dist` of this checkout. */
  readonly webDir: string | undefined;
  readonly logLevel: (typeof logLevels)[number];
  /** Largest uploaded invoice file. */
  readonly maxUploadBytes: number;
  /** Where uploaded originals are stored (content-addressed); default `DATA_DIR/files`. */
  readonly filesDir: string;
  /** Extraction worker threads, and each document's time and heap limits. */
  readonly extractionWorkers: number;
  readonly extractionTimeoutMs: number;
  readonly extractionMemoryMb: number;
  /** The optional LLM extractor (OpenAI-compatible); undefined = off. */
  readonly llmExtractor:
    { url: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The only place that reads the environment. Empty variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) =>
        `  ${issue.path.join('.')}: ${issue.message} (valor: ${JSON.stringify(env[String(issue.path[0])])})`,
    );
    throw new ConfigError(
      `Configuración inválida; corrija estas variables de entorno:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    syncWaitMs: e.SYNC_WAIT_MS,
    heartbeatIntervalMs: e.HEARTBEAT_MS,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    amountTolerance: e.AMOUNT_TOLERANCE,
    requestTtlMs: e.REQUEST_TTL_MS,
    leaseMs: e.LEASE_MS,
    maxAttempts: e.MAX_ATTEMPTS,
    maxInFlightPerAgent: e.MAX_IN_FLIGHT_PER_AGENT,
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    pollIdleMs: e.POLL_IDLE_MS,
    agentUpgradesPerSecond: e.AGENT_UPGRADES_PER_SECOND,
    agentUpgradeBurst: e.AGENT_UPGRADE_BURST,
    agentKeyCacheMs: e.AGENT_KEY_CACHE_MS,
    sessionTtlMs: e.SESSION_TTL_MS,
    webDir: e.WEB_DIR,
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    filesDir: e.FILES_DIR ?? join(e.DATA_DIR, 'files'),
    extractionWorkers: e.EXTRACTION_WORKERS,
    extractionTimeoutMs: e.EXTRACTION_TIMEOUT_MS,
    extractionMemoryMb: e.EXTRACTION_MEMORY_MB,
    llmExtractor:
      e.LLM_EXTRACTOR_URL === undefined || e.LLM_EXTRACTOR_MODEL === undefined
        ? undefined
        : {
            url: e.LLM_EXTRACTOR_URL,
            model: e.LLM_EXTRACTOR_MODEL,
            apiKey: e.LLM_EXTRACTOR_API_KEY,
            timeoutMs: e.LLM_EXTRACTOR_TIMEOUT_MS,
          },
  });
}
