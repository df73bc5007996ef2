import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '@cotejo/protocol';
import { parse as parseYaml } from 'yaml';
import type { DatabaseSettings } from '../drivers/driver.ts';
import { configErrorMap, formatIssues } from './format-issues.ts';
import { fileConfigSchema, type LogLevel, type LookupConfig } from './schema.ts';

/** Everything the sync-client needs, secrets included; frozen and passed down. */
export interface SyncClientConfig {
  server: { url: string; key: string; keyEnv: string };
  database: DatabaseSettings;
  lookups: readonly LookupConfig[];
  queryTimeoutMs: number;
  maxConcurrentLookups: number;
  logLevel: LogLevel;
}

export type Environment = Readonly<Record<string, string | undefined>>;

function invalid(file: string, detail: string): AppError {
  return new AppError('CONFIG_INVALID', `Configuración inválida en ${file}:\n${detail}`);
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no existe' : String(error);
    throw new AppError('CONFIG_INVALID', `No se pudo leer la configuración ${file}: ${reason}`);
  }
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    throw invalid(file, `  - el archivo no es YAML válido: ${(error as Error).message}`);
  }
}

/**
 * Reads and validates the YAML config; the only place the sync-client reads the environment
 * (through `env`). Relative SQLite paths resolve against the config file's folder.
 */
export function loadConfig(file: string, env: Environment): SyncClientConfig {
  const parsed = fileConfigSchema.safeParse(readYaml(file), { error: configErrorMap });
  if (!parsed.success) throw invalid(file, formatIssues(parsed.error.issues));
  const config = parsed.data;
  const key = env[config.server.keyEnv];
  if (key === undefined || key.trim() === '') {
    throw invalid(
      file,
      `  - server.keyEnv: la variable de entorno ${config.server.keyEnv} no está definida; ` +
        'asígnele la clave del sync-client (Agentes → Claves en Cotejo)',
    );
  }
  const { database } = config;
  let settings: DatabaseSettings;
  if (database.kind === 'sqlite') {
    settings = { kind: 'sqlite', path: resolve(dirname(resolve(file)), database.path) };
  } else {
    const { passwordEnv, ...rest } = database;
    const password = passwordEnv === undefined ? undefined : env[passwordEnv];
    if (passwordEnv !== undefined && password === undefined) {
      throw invalid(file, `  - database.passwordEnv: la variable ${passwordEnv} no está definida`);
    }
    settings = { ...rest, password, maxConnections: config.maxConcurrentLookups };
  }
  return Object.freeze({
    server: Object.freeze({
      url: config.server.url,
      key: key.trim(),
      keyEnv: config.server.keyEnv,
    }),
    database: Object.freeze(settings),
    lookups: Object.freeze(config.lookups),
    queryTimeoutMs: config.queryTimeoutMs,
    maxConcurrentLookups: config.maxConcurrentLookups,
    logLevel: config.logLevel,
  });
}
