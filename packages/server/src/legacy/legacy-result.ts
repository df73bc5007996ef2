import { AppError, rpcFailure, type RpcResponse } from '@cotejo/protocol';
import type { LegacyResult } from './legacy-messages.ts';

/**
 * A legacy answer as the JSON-RPC response the rest of the server takes: the local record(s)
 * become lookup rows (the server compares, as for v1 clients); an error becomes
 * ERP_UNAVAILABLE with the client's text.
 */
export function legacyResponse(
  queryId: string,
  answer: { result: LegacyResult } | { error: string },
): RpcResponse {
  const error = 'error' in answer ? answer.error : answer.result.error;
  if (error) {
    return rpcFailure(
      queryId,
      new AppError('ERP_UNAVAILABLE', `El sync-client informó un error: ${error.slice(0, 500)}`),
    );
  }
  const { exists, data } = (answer as { result: LegacyResult }).result;
  const rows = data === undefined || data === null ? [] : Array.isArray(data) ? data : [data];
  if (exists === true && rows.length === 0) {
    return rpcFailure(
      queryId,
      new AppError(
        'BAD_REQUEST',
        'El sync-client informó que la factura existe pero no envió sus datos: actualícelo.',
      ),
    );
  }
  return {
    jsonrpc: '2.0',
    id: queryId,
    result: { rows: exists === false ? [] : rows, lookup: 'legacy' },
  };
}
