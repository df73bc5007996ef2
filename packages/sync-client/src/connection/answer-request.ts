import {
  AppError,
  classifyFrame,
  invoiceLookupParamsSchema,
  queryRunParamsSchema,
  rpcFailure,
  type InvoiceLookupAnswer,
  type QueryRunResult,
  type RpcId,
  type RpcResponse,
} from '@cotejo/protocol';
import type { z } from 'zod';
import type { RequestHandler } from '../requests/request-handler.ts';
import type { RequestOutcome } from './agent-events.ts';

export interface Answer extends RequestOutcome {
  response: RpcResponse;
}

function failure(id: RpcId | null, method: string | null, error: AppError): Answer {
  return {
    response: rpcFailure(id, error),
    id,
    method,
    outcome: error.code,
    message: error.message,
  };
}

function asAppError(error: unknown): AppError {
  return error instanceof AppError
    ? error
    : new AppError('INTERNAL', 'Error interno del sync-client', { cause: error });
}

/** Runs one request whose params `schema` must accept; any failure becomes its error answer. */
async function answer<T, R>(
  request: { id: RpcId; method: string; params?: unknown },
  schema: z.ZodType<T>,
  run: (params: T) => Promise<R>,
  describe: (result: R) => Pick<RequestOutcome, 'rows' | 'lookup'>,
): Promise<Answer> {
  const { id, method } = request;
  const parsed = schema.safeParse(request.params);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    return failure(
      id,
      method,
      new AppError('BAD_REQUEST', `Parámetros inválidos en ${method}: ${detail}`),
    );
  }
  try {
    const result = await run(parsed.data);
    return {
      response: { jsonrpc: '2.0', id, result },
      id,
      method,
      outcome: 'ok',
      ...describe(result),
    };
  } catch (error) {
    return failure(id, method, asAppError(error));
  }
}

/**
 * Answers one text frame from the server. `invoice.lookup` runs the locally configured
 * lookups; `query.run` runs only a query the local config declares, by name, with its
 * declared parameters (anything else: QUERY_NOT_ALLOWED). Returns `null` for frames that need
 * no answer (notifications, responses).
 */
export async function answerFrame(
  text: string,
  handler: RequestHandler,
  signal: AbortSignal,
): Promise<Answer | null> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failure(null, null, new AppError('INVALID_FRAME', 'El mensaje no es JSON válido'));
  }
  const frame = classifyFrame(value);
  if (frame === null) {
    return failure(null, null, new AppError('INVALID_FRAME', 'El mensaje no es JSON-RPC 2.0'));
  }
  if (frame.kind !== 'request') return null;
  const request = frame.frame;
  switch (request.method) {
    case 'invoice.lookup':
      return answer(
        request,
        invoiceLookupParamsSchema,
        (invoice): Promise<InvoiceLookupAnswer> => handler.lookup(invoice, signal, request.id),
        (result) => ({
          ...('rows' in result && { rows: result.rows.length }),
          ...(result.lookup !== undefined && { lookup: result.lookup }),
        }),
      );
    case 'query.run': {
      const runQuery = handler.runQuery?.bind(handler);
      if (runQuery === undefined) {
        const name = queryRunParamsSchema.safeParse(request.params).data?.name ?? '(sin nombre)';
        const message = `La consulta «${name}» no está declarada en la configuración del sync-client`;
        return failure(request.id, request.method, new AppError('QUERY_NOT_ALLOWED', message));
      }
      return answer(
        request,
        queryRunParamsSchema,
        (params): Promise<QueryRunResult> => runQuery(params, signal, request.id),
        (result) => ({ rows: result.rows.length }),
      );
    }
    default:
      return failure(
        request.id,
        request.method,
        new AppError('METHOD_NOT_FOUND', `Método desconocido: ${request.method}`),
      );
  }
}
