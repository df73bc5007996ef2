import type { RpcRequest } from '@cotejo/protocol';
import type { ClaimedRequest } from '../queue/claim.ts';

/** The `invoice.lookup` request for a claimed request: the invoice plus its deadline. */
export function lookupFrame(request: ClaimedRequest): RpcRequest {
  return {
    jsonrpc: '2.0',
    id: request.id,
    method: 'invoice.lookup',
    params: { ...request.invoice, deadlineMs: request.deadlineMs },
  };
}
