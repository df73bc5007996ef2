import {
  AppError,
  classifyFrame,
  rpcErrorFromAppError,
  rpcFailure,
  type RpcFrame,
  type RpcResponse,
} from '@cotejo/protocol';

export type IncomingFrame = { ok: true; frame: RpcFrame } | { ok: false; reply: RpcResponse };

/** JSON-RPC 2.0 "Parse error": not in our code table because it is transport-level. */
export const parseErrorCode = -32700;

/** Reads one WebSocket message as a JSON-RPC frame, or the error frame to answer with. */
export function readIncomingFrame(data: Buffer | string, isBinary: boolean): IncomingFrame {
  if (isBinary) {
    return invalid(null, 'Solo se aceptan mensajes de texto con JSON-RPC 2.0.');
  }
  let value: unknown;
  try {
    value = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch {
    const error = rpcErrorFromAppError(
      new AppError('INVALID_FRAME', 'El mensaje no es JSON válido.'),
    );
    return {
      ok: false,
      reply: { jsonrpc: '2.0', id: null, error: { ...error, code: parseErrorCode } },
    };
  }
  const frame = classifyFrame(value);
  if (frame) return { ok: true, frame };
  return invalid(
    idOf(value),
    'El mensaje no es un pedido, notificación ni respuesta JSON-RPC 2.0 válido (los lotes no se aceptan).',
  );
}

function invalid(id: string | number | null, message: string): IncomingFrame {
  return { ok: false, reply: rpcFailure(id, new AppError('INVALID_FRAME', message)) };
}

function idOf(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const { id } = value;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
