import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '@cotejo/protocol';
import { parse as parseYaml } from 'yaml';
import type { DatabaseSettings } from '../drivers/driver.ts';
import type { DatabaseConfig } from './database-schema.ts';
import { configErrorMap, formatIssues } from './format-issues.ts';
import type { NamedQueryConfig } from './named-query-schema.ts';
import { readSecretFile } from './read-secret-file.ts';
import { fileConfigSchema, type LogLevel, type LookupConfig } from './schema.ts';

/** Everything the sync-client needs, secrets included; frozen and passed down. */
export interface SyncClientConfig {
  /** Absolute path of the YAML file this came from. */
  file: string;
  server: { url: string; key: string; keyEnv: string };
  database: DatabaseSettings;
  lookups: readonly LookupConfig[];
  queries: readonly NamedQueryConfig[];
  dataMinimization: boolean;
  amountTolerance: string;
  audit: { path: string; maxBytes: number; keepFiles: number };
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

/** The database password: from the variable `passwordEnv` names, or from `passwordFile`. */
function readPassword(
  file: string,
  database: Exclude<DatabaseConfig, { kind: 'sqlite' }>,
  env: Environment,
  beside: (path: string) => string,
): string | undefined {
  if (database.passwordEnv !== undefined) {
    const password = env[database.passwordEnv];
    if (password === undefined) {
      throw invalid(
        file,
        `  - database.passwordEnv: la variable ${database.passwordEnv} no está definida`,
      );
    }
    return password;
  }
  if (database.passwordFile === undefined) return undefined;
  const read = readSecretFile(beside(database.passwordFile));
  if (!read.ok) throw invalid(file, `  - database.passwordFile: ${read.reason}`);
  return read.secret;
}

function databaseSettings(
  file: string,
  database: DatabaseConfig,
  env: Environment,
  maxConnections: number,
): DatabaseSettings {
  const beside = (path: string) => resolve(dirname(file), path);
  if (database.kind === 'sqlite') return { kind: 'sqlite', path: beside(database.path) };
  const password = readPassword(file, database, env, beside);
  if (database.kind !== 'mssql') {
    const { host, port, user, database: name, ssl } = database;
    return { kind: database.kind, host, port, user, database: name, password, ssl, maxConnections };
  }
  let ca: string | undefined;
  if (database.caFile !== undefined) {
    try {
      ca = readFileSync(beside(database.caFile), 'utf8');
    } catch {
      throw invalid(file, `  - database.caFile: no se pudo leer ${beside(database.caFile)}`);
    }
  }
  return {
    kind: 'mssql',
    host: database.host,
    port: database.instanceName === undefined ? (database.port ?? 1433) : undefined,
    instanceName: database.instanceName,
    user: database.user,
    database: database.database,
    password,
    encrypt: database.encrypt,
    trustServerCertificate: database.trustServerCertificate,
    ca,
    tlsServerName: database.tlsServerName,
    connectTimeoutMs: database.connectTimeoutMs,
    maxConnections,
  };
}

/**
 * Reads and validates the YAML config; the only place the sync-client reads the environment
 * (through `env`). `requireKey: false` (for `audit verify`) lets the agent key be absent. Relative paths (SQLite file, password file, CA, audit log) resolve against
 * the config file's folder.
 */
export function loadConfig(
  path: string,
  env: Environment,
  { requireKey = true }: { requireKey?: boolean } = {},
): SyncClientConfig {
  const file = resolve(path);
  const parsed = fileConfigSchema.safeParse(readYaml(file), { error: configErrorMap });
  if (!parsed.success) throw invalid(file, formatIssues(parsed.error.issues));
  const config = parsed.data;
  const key = env[config.server.keyEnv] ?? (requireKey ? undefined : '');
  if (key === undefined || (requireKey && key.trim() === '')) {
    throw invalid(
      file,
      `  - server.keyEnv: la variable de entorno ${config.server.keyEnv} no está definida; ` +
        'asígnele la clave del sync-client (Agentes → Claves en Cotejo)',
    );
  }
  const database = databaseSettings(file, config.database, env, config.maxConcurrentLookups);
  return Object.freeze({
    file,
    server: Object.freeze({
      url: config.server.url,
      key: key.trim(),
      keyEnv: config.server.keyEnv,
    }),
    database: Object.freeze(database),
    lookups: Object.freeze(config.lookups),
    queries: Object.freeze(config.queries),
    dataMinimization: config.dataMinimization,
    amountTolerance: config.amountTolerance,
    audit: Object.freeze({ ...config.audit, path: resolve(dirname(file), config.audit.path) }),
    queryTimeoutMs: config.queryTimeoutMs,
    maxConcurrentLookups: config.maxConcurrentLookups,
    logLevel: config.logLevel,
  });
}
