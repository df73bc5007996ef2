import { AppError, type DatabaseKind } from '@cotejo/protocol';
import type { DatabaseSettings } from './driver.ts';

const databaseNames: Record<DatabaseKind, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
  mysql: 'MySQL/MariaDB',
  mssql: 'SQL Server',
};

export function queryTimeoutError(cause?: unknown): AppError {
  return new AppError(
    'QUERY_TIMEOUT',
    'La consulta al ERP superó el tiempo máximo y fue cancelada (queryTimeoutMs).',
    { cause },
  );
}

/** Any database failure that is not a timeout, with the database's own message for the log. */
export function erpError(kind: DatabaseKind, cause: unknown): AppError {
  if (cause instanceof AppError) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AppError('ERP_UNAVAILABLE', `${databaseNames[kind]} rechazó la consulta: ${detail}`, {
    cause,
  });
}

/** Where the database is, for messages: a path, `host:port/db` or `host\\instance/db`. */
export function databaseLocation(settings: DatabaseSettings): string {
  if (settings.kind === 'sqlite') return settings.path;
  if (settings.kind === 'mssql' && settings.instanceName !== undefined) {
    return `${settings.host}\\${settings.instanceName}/${settings.database}`;
  }
  return `${settings.host}:${settings.port}/${settings.database}`;
}

export function connectError(settings: DatabaseSettings, cause: unknown): AppError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'ERP_UNAVAILABLE',
    `No se pudo conectar a ${databaseNames[settings.kind]} (${databaseLocation(settings)}): ${detail}`,
    { cause },
  );
}

/**
 * A failed connect: a refused login (the original error's code is one of `loginCodes`) says
 * so plainly; anything else names where the database was expected.
 */
export function connectFailure(
  settings: DatabaseSettings,
  error: unknown,
  loginCodes: readonly string[],
): AppError {
  return loginCodes.includes(String(causeCode(error)))
    ? loginRejectedError(settings, error)
    : connectError(settings, error);
}

/** The `code` of the original database error, under any `AppError` wrapping it. */
export function causeCode(error: unknown): unknown {
  if (error instanceof AppError && error.cause !== undefined) return causeCode(error.cause);
  return typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
}

/** The database refused the user or its password: say so plainly, and what to check. */
export function loginRejectedError(settings: DatabaseSettings, cause: unknown): AppError {
  const user = settings.kind === 'sqlite' ? '' : settings.user;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'ERP_UNAVAILABLE',
    `${databaseNames[settings.kind]} (${databaseLocation(settings)}) rechazó el usuario «${user}» ` +
      'o su contraseña. Revise database.user y la contraseña (la variable de database.passwordEnv ' +
      `o el archivo de database.passwordFile). Detalle: ${detail}`,
    { cause },
  );
}

/** A pooled connection; `ERP_UNAVAILABLE` when the driver is closed or the database is down. */
export async function acquire<T>(
  kind: DatabaseKind,
  take: (() => Promise<T>) | undefined,
): Promise<T> {
  if (take === undefined) throw erpError(kind, new Error('la conexión está cerrada'));
  try {
    return await take();
  } catch (error) {
    throw erpError(kind, error);
  }
}

/**
 * Runs a query that `cancel` can stop from another connection. Once the signal fires, the
 * outcome is a timeout even if the query still returned (MySQL's SLEEP returns 1 when killed).
 */
export async function runCancellable<T>(
  kind: DatabaseKind,
  signal: AbortSignal,
  run: () => Promise<T>,
  cancel: () => Promise<void>,
): Promise<T> {
  if (signal.aborted) throw queryTimeoutError(signal.reason);
  const onAbort = () => {
    // The query itself reports the outcome; a failed cancel leaves the server-side limit.
    cancel().catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await run();
    if (signal.aborted) throw queryTimeoutError(signal.reason);
    return result;
  } catch (error) {
    throw signal.aborted ? queryTimeoutError(error) : erpError(kind, error);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
