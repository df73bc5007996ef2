import { maxLookupRows, type CanonicalInvoice, type InvoiceLookupResult } from '@cotejo/protocol';
import type { LookupConfig } from '../config/schema.ts';
import type { Driver } from '../drivers/driver.ts';
import type { RequestHandler } from '../requests/request-handler.ts';
import { compileLookup } from './compile-lookup.ts';
import { createConcurrencyLimit } from './concurrency-limit.ts';
import { bindParameters } from './lookup-parameters.ts';
import { toLocalRow } from './map-row.ts';

export interface LookupRunnerOptions {
  driver: Driver;
  lookups: readonly LookupConfig[];
  queryTimeoutMs: number;
  maxConcurrentLookups: number;
  /** Milliseconds clock for `durationMs`; injectable for tests. */
  now?: () => number;
}

export interface InvoiceLookupRunner {
  readonly names: readonly string[];
  /** Runs the lookups in order; the first with rows answers. Rejects with an `AppError`. */
  lookup(invoice: CanonicalInvoice, signal?: AbortSignal): Promise<InvoiceLookupResult>;
}

/**
 * What the connection hands the server's requests to. The lookups alone fit it; the running
 * client hands it the full `RequestHandler` (named queries, audit log, data minimization).
 */
export type LookupRunner = RequestHandler;

export function createLookupRunner(options: LookupRunnerOptions): InvoiceLookupRunner {
  const { driver, queryTimeoutMs, now = () => performance.now() } = options;
  const compiled = options.lookups.map((lookup) => compileLookup(lookup, driver.placeholders));
  const limit = createConcurrencyLimit(options.maxConcurrentLookups);

  return {
    names: compiled.map((lookup) => lookup.name),
    lookup: (invoice, signal) =>
      limit(async () => {
        const started = now();
        for (const lookup of compiled) {
          const timeout = AbortSignal.timeout(queryTimeoutMs);
          const rows = await driver.query(lookup.sql, bindParameters(invoice, lookup.order), {
            signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
            types: lookup.types,
          });
          if (rows.length > 0) {
            return {
              rows: rows.slice(0, maxLookupRows).map(toLocalRow),
              lookup: lookup.name,
              durationMs: Math.max(0, now() - started),
            };
          }
        }
        return { rows: [], durationMs: Math.max(0, now() - started) };
      }),
  };
}
