import { AuditLog } from '../audit/audit-log.ts';
import type { SyncClientConfig } from '../config/load-config.ts';
import type { Driver } from '../drivers/driver.ts';
import { createLookupRunner } from '../lookup/lookup-runner.ts';
import { createNamedQueryRunner } from '../queries/named-query-runner.ts';
import { createRequestHandler, type RequestHandler } from './request-handler.ts';

/** The request handler the configuration describes: lookups, named queries, audit, minimization. */
export function buildRequestHandler(config: SyncClientConfig, driver: Driver): RequestHandler {
  const { queryTimeoutMs, maxConcurrentLookups } = config;
  return createRequestHandler({
    lookups: createLookupRunner({
      driver,
      lookups: config.lookups,
      queryTimeoutMs,
      maxConcurrentLookups,
    }),
    queries: createNamedQueryRunner({
      driver,
      queries: config.queries,
      queryTimeoutMs,
      maxConcurrentQueries: maxConcurrentLookups,
    }),
    audit: new AuditLog(config.audit),
    ...(config.dataMinimization && { minimize: { amountTolerance: config.amountTolerance } }),
  });
}
