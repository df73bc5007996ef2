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

export function connectError(settings: DatabaseSettings, cause: unknown): AppError {
  const where =
    settings.kind === 'sqlite'
      ? settings.path
      : `${settings.host}:${settings.port}/${settings.database}`;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'ERP_UNAVAILABLE',
    `No se pudo conectar a ${databaseNames[settings.kind]} (${where}): ${detail}`,
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
