import {
  AppError,
  type CanonicalInvoice,
  type InvoiceLookupAnswer,
  type QueryRunParams,
  type QueryRunResult,
  type RpcId,
} from '@cotejo/protocol';
import type { AuditLog } from '../audit/audit-log.ts';
import type { AuditRecord } from '../audit/audit-entry.ts';
import type { InvoiceLookupRunner } from '../lookup/lookup-runner.ts';
import type { NamedQueryRunner } from '../queries/named-query-runner.ts';
import { minimizeResult } from './minimize-result.ts';

/** What answers the server's requests, whatever the transport (WebSocket or long-poll). */
export interface RequestHandler {
  /** Lookup names, sent in `agent.hello`. */
  readonly names: readonly string[];
  /** Named queries `query.run` may ask for, sent in `agent.hello`. */
  readonly queryNames?: readonly string[];
  lookup(
    invoice: CanonicalInvoice,
    signal?: AbortSignal,
    requestId?: RpcId,
  ): Promise<InvoiceLookupAnswer>;
  /** Absent: every `query.run` is refused. */
  runQuery?(
    request: QueryRunParams,
    signal?: AbortSignal,
    requestId?: RpcId,
  ): Promise<QueryRunResult>;
}

export interface RequestHandlerOptions {
  lookups: InvoiceLookupRunner;
  queries?: NamedQueryRunner;
  /** Every executed lookup and named query is appended here before its answer leaves. */
  audit?: AuditLog;
  /** Data-minimization mode: compare here with this tolerance, send only the verdict. */
  minimize?: { amountTolerance: string };
  now?: () => number;
}

function outcomeOf(error: unknown): AuditRecord['outcome'] {
  return error instanceof AppError ? error.code : 'INTERNAL';
}

/**
 * Lookups and named queries with the local audit log and data minimization around them. If
 * the audit line cannot be written, the request fails: nothing runs unrecorded twice.
 */
export function createRequestHandler(options: RequestHandlerOptions): RequestHandler {
  const { lookups, queries, audit, minimize, now = () => performance.now() } = options;

  /** Runs `task`, then appends its audit line (outcome, rows, duration) before returning. */
  async function audited<T>(
    entry: Pick<AuditRecord, 'requestId' | 'kind' | 'name' | 'params'>,
    task: () => Promise<T>,
    describe: (result: T) => Pick<AuditRecord, 'name' | 'rows'>,
  ): Promise<T> {
    const started = now();
    let result: T;
    try {
      result = await task();
    } catch (error) {
      append({ ...entry, rows: null, durationMs: now() - started, outcome: outcomeOf(error) });
      throw error;
    }
    append({ ...entry, ...describe(result), durationMs: now() - started, outcome: 'ok' });
    return result;
  }
  function append(entry: AuditRecord): void {
    if (!audit) return;
    try {
      audit.append(entry);
    } catch (error) {
      throw new AppError('INTERNAL', 'No se pudo escribir el registro de auditoría local', {
        cause: error,
      });
    }
  }

  const handler: RequestHandler = {
    names: lookups.names,
    queryNames: queries?.names ?? [],
    async lookup(invoice, signal, requestId) {
      const result = await audited(
        { requestId: requestId ?? null, kind: 'lookup', name: null, params: { ...invoice } },
        () => lookups.lookup(invoice, signal),
        (found) => ({ name: found.lookup ?? null, rows: found.rows.length }),
      );
      return minimize ? minimizeResult(invoice, result, minimize.amountTolerance) : result;
    },
  };
  if (queries) {
    handler.runQuery = (request, signal, requestId) =>
      audited(
        { requestId: requestId ?? null, kind: 'query', name: request.name, params: request.params },
        () => queries.run(request, signal),
        (found) => ({ name: request.name, rows: found.rows.length }),
      );
  }
  return handler;
}
