import type mssql from 'mssql';
import type { MssqlSettings } from '../driver.ts';

/**
 * The `mssql` pool configuration for our settings. Encryption is always explicit (the library
 * defaults to `encrypt: true`); `strict` (TDS 8.0) always validates the certificate. The
 * library's own request timeout is off: each query is cancelled through its AbortSignal.
 */
export function mssqlConfig(settings: MssqlSettings): mssql.config {
  const { host, port, instanceName, user, database, password, encrypt } = settings;
  return {
    server: host,
    ...(instanceName === undefined && { port }),
    user,
    password,
    database,
    connectionTimeout: settings.connectTimeoutMs,
    requestTimeout: 0,
    pool: { min: 0, max: settings.maxConnections, idleTimeoutMillis: 30_000 },
    options: {
      encrypt,
      trustServerCertificate: settings.trustServerCertificate,
      ...(instanceName !== undefined && { instanceName }),
      ...(settings.tlsServerName !== undefined && { serverName: settings.tlsServerName }),
      ...(settings.ca !== undefined && { cryptoCredentialsDetails: { ca: settings.ca } }),
      appName: 'cotejo-sync-client',
      useUTC: true,
      abortTransactionOnError: true,
    },
  };
}
