import { z } from 'zod';
import { isTolerance } from '@cotejo/protocol';

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

const envSchema = z.object({
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
  LOG_LEVEL: z
    .enum(logLevels, { error: `se espera uno de: ${logLevels.join(', ')}` })
    .default('info'),
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
  readonly logLevel: (typeof logLevels)[number];
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
    logLevel: e.LOG_LEVEL,
  });
}
