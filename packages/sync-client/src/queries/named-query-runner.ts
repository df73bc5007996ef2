import { AppError, type QueryRunParams, type QueryRunResult } from '@cotejo/protocol';
import type { NamedQueryConfig } from '../config/named-query-schema.ts';
import type { Driver } from '../drivers/driver.ts';
import { toDialectSql } from '../drivers/placeholders.ts';
import { createConcurrencyLimit } from '../lookup/concurrency-limit.ts';
import { checkQueryParameters } from './bind-query-parameters.ts';

export interface NamedQueryRunnerOptions {
  driver: Driver;
  queries: readonly NamedQueryConfig[];
  queryTimeoutMs: number;
  maxConcurrentQueries: number;
}

export interface NamedQueryRunner {
  readonly names: readonly string[];
  /** Runs a declared query; anything undeclared is `QUERY_NOT_ALLOWED`. */
  run(request: QueryRunParams, signal?: AbortSignal): Promise<QueryRunResult>;
}

/** `query.run`: only the queries of the local config, with their declared, typed parameters. */
export function createNamedQueryRunner(options: NamedQueryRunnerOptions): NamedQueryRunner {
  const { driver, queryTimeoutMs } = options;
  const limit = createConcurrencyLimit(options.maxConcurrentQueries);
  const compiled = new Map(
    options.queries.map((query) => {
      const declared = Object.keys(query.params);
      const dialect = toDialectSql(query.statement.tokens, driver.placeholders, (written) => {
        const name = declared.find(
          (candidate) => candidate.toLowerCase() === written.toLowerCase(),
        );
        // The guard already refused undeclared parameters; reaching this is a programming error.
        if (name === undefined) throw new Error(`parámetro no declarado @${written}`);
        return name;
      });
      return [query.name, { query, ...dialect }];
    }),
  );

  return {
    names: [...compiled.keys()],
    run: (request, signal) => {
      const entry = compiled.get(request.name);
      if (entry === undefined) {
        return Promise.reject(
          new AppError(
            'QUERY_NOT_ALLOWED',
            `La consulta «${request.name}» no está declarada en la configuración del sync-client`,
          ),
        );
      }
      let values: ReturnType<typeof checkQueryParameters>;
      try {
        values = checkQueryParameters(entry.query, request.params);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      const bound = entry.order.map((name) => values.get(name));
      return limit(async () => {
        const timeout = AbortSignal.timeout(queryTimeoutMs);
        const rows = await driver.query(
          entry.sql,
          bound.map((parameter) => parameter?.value ?? null),
          {
            signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
            types: bound.map((parameter) => parameter?.type ?? 'string'),
          },
        );
        return { rows: rows.slice(0, entry.query.maxRows) };
      });
    },
  };
}
