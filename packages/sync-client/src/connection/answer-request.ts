import {
  AppError,
  classifyFrame,
  invoiceLookupParamsSchema,
  queryRunParamsSchema,
  rpcFailure,
  type RpcId,
  type RpcResponse,
} from '@cotejo/protocol';
import type { LookupRunner } from '../lookup/lookup-runner.ts';
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

async function lookupInvoice(
  id: RpcId,
  params: unknown,
  runner: LookupRunner,
  signal: AbortSignal,
) {
  const method = 'invoice.lookup';
  const parsed = invoiceLookupParamsSchema.safeParse(params);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    return failure(
      id,
      method,
      new AppError('BAD_REQUEST', `Factura inválida en invoice.lookup: ${detail}`),
    );
  }
  try {
    const result = await runner.lookup(parsed.data, signal);
    return {
      response: { jsonrpc: '2.0', id, result },
      id,
      method,
      outcome: 'ok',
      rows: result.rows.length,
      ...(result.lookup !== undefined && { lookup: result.lookup }),
    } satisfies Answer;
  } catch (error) {
    const appError =
      error instanceof AppError
        ? error
        : new AppError('INTERNAL', 'Error interno del sync-client', { cause: error });
    return failure(id, method, appError);
  }
}

/**
 * Answers one text frame from the server. Only `invoice.lookup` runs anything, and only the
 * locally configured lookups; `query.run` is refused until named queries exist. Returns
 * `null` for frames that need no answer (notifications, responses).
 */
export async function answerFrame(
  text: string,
  runner: LookupRunner,
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
  const { id, method, params } = frame.frame;
  switch (method) {
    case 'invoice.lookup':
      return lookupInvoice(id, params, runner, signal);
    case 'query.run': {
      const name = queryRunParamsSchema.safeParse(params).data?.name ?? '(sin nombre)';
      const message = `La consulta «${name}» no está declarada en la configuración del sync-client`;
      return failure(id, method, new AppError('QUERY_NOT_DECLARED', message));
    }
    default:
      return failure(id, method, new AppError('METHOD_NOT_FOUND', `Método desconocido: ${method}`));
  }
}
