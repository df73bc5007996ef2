import {
  AppError,
  compareInvoice,
  type CanonicalInvoice,
  invoiceLookupAnswerSchema,
  isErrorCode,
  type MinimizedLookupResult,
  type RpcResponse,
  type ValidationStatus,
  type Verdict,
} from '@cotejo/protocol';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { complete, type Outcome } from '../queue/complete.ts';
import { findRequest } from '../queue/find-request.ts';
import { openStates } from '../queue/request-states.ts';

export type ResultAcceptance =
  | { kind: 'accepted'; status: ValidationStatus }
  /** The request was already completed: the first result stands, this one is ignored. */
  | { kind: 'duplicate' }
  /** No request with this id belongs to the sender's tenant; nothing changed. */
  | { kind: 'unknown'; error: AppError };

/**
 * Takes a sync-client's JSON-RPC response to an `invoice.lookup`: compares, stores the verdict
 * (or the error) once, and emits `validation.completed`.
 */
export async function recordResult(
  deps: { db: Db; events: EventBus; amountTolerance: string },
  from: { tenantId: string; sessionId: string },
  response: RpcResponse,
): Promise<ResultAcceptance> {
  const { db, events } = deps;
  const { tenantId, sessionId } = from;
  const request = await findRequest(db, tenantId, response.id);
  if (!request) {
    events.emit('validation.result_rejected', {
      id: response.id,
      tenantId,
      sessionId,
      code: 'UNKNOWN_REQUEST',
    });
    return { kind: 'unknown', error: unknownRequestError(response.id) };
  }
  const status = openStates.includes(request.state)
    ? await complete(db, {
        id: request.id,
        tenantId,
        sessionId,
        outcome: outcomeOf(request.invoice, response, deps.amountTolerance),
      })
    : null;
  if (status === null) {
    events.emit('validation.result_rejected', {
      id: request.id,
      tenantId,
      sessionId,
      code: 'ALREADY_COMPLETED',
    });
    return { kind: 'duplicate' };
  }
  events.emit('validation.completed', { id: request.id, tenantId, status });
  return { kind: 'accepted', status };
}

function outcomeOf(
  invoice: CanonicalInvoice,
  response: RpcResponse,
  amountTolerance: string,
): Outcome {
  if ('error' in response) {
    const code = response.error.data?.code;
    return {
      kind: 'error',
      error: { code: isErrorCode(code) ? code : 'INTERNAL', message: response.error.message },
    };
  }
  const result = invoiceLookupAnswerSchema.safeParse(response.result);
  if (!result.success) {
    return {
      kind: 'error',
      error: {
        code: 'BAD_REQUEST',
        message:
          'El sync-client respondió con un resultado que no cumple el protocolo: actualícelo y vuelva a validar.',
      },
    };
  }
  if ('minimized' in result.data) {
    return {
      kind: 'verdict',
      verdict: minimizedVerdict(invoice, result.data),
      localRows: [],
      lookup: result.data.lookup,
    };
  }
  return {
    kind: 'verdict',
    verdict: compareInvoice(invoice, result.data.rows, { amountTolerance }),
    localRows: result.data.rows,
    lookup: result.data.lookup,
  };
}

/** What a differing field shows as its local value when the ERP's values stay on premises. */
export const withheldLocalValue = '(reservado: el sync-client no envía datos del ERP)';

/**
 * A sync-client in data-minimization mode compared on premises and sent only the verdict and
 * the names of the differing fields: the cloud values are ours, the local ones are withheld.
 */
function minimizedVerdict(invoice: CanonicalInvoice, result: MinimizedLookupResult): Verdict {
  return {
    status: result.status,
    exists: result.exists,
    matches: result.matches,
    differences: result.differingFields.map((field) => ({
      field,
      cloud: invoice[field] ?? '',
      local: withheldLocalValue,
    })),
    duplicates: result.duplicates,
    local: [],
  };
}

/** The error for a response whose id is no request of the sender's tenant. */
export function unknownRequestError(id: unknown): AppError {
  return new AppError(
    'UNKNOWN_REQUEST',
    `La respuesta ${JSON.stringify(id)} no corresponde a ninguna solicitud enviada a este sync-client; se descartó.`,
  );
}
