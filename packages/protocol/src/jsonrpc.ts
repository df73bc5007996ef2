import { z } from 'zod';
import { errorCodes, jsonRpcCodeByCode, type AppError } from './errors.ts';

/** Request and response ids: the server uses unguessable strings. */
export const rpcIdSchema = z.union([z.string().min(1).max(128), z.number().int()]);
export type RpcId = z.infer<typeof rpcIdSchema>;

export const rpcErrorSchema = z.object({
  code: z.number().int(),
  message: z.string().max(2000),
  data: z
    .object({ code: z.enum(errorCodes) })
    .partial()
    .optional(),
});
export type RpcError = z.infer<typeof rpcErrorSchema>;

export const rpcRequestSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: rpcIdSchema,
  method: z.string().min(1).max(100),
  params: z.unknown().optional(),
});
export type RpcRequest = z.infer<typeof rpcRequestSchema>;

export const rpcNotificationSchema = z.object({
  jsonrpc: z.literal('2.0'),
  method: z.string().min(1).max(100),
  params: z.unknown().optional(),
});
export type RpcNotification = z.infer<typeof rpcNotificationSchema>;

export const rpcSuccessSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: rpcIdSchema,
  result: z.unknown(),
});

export const rpcFailureSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: rpcIdSchema.nullable(),
  error: rpcErrorSchema,
});

export const rpcResponseSchema = z.union([rpcSuccessSchema, rpcFailureSchema]);
export type RpcResponse = z.infer<typeof rpcResponseSchema>;

/** Any frame a peer may send: request, notification or response. */
export type RpcFrame =
  | { kind: 'request'; frame: RpcRequest }
  | { kind: 'notification'; frame: RpcNotification }
  | { kind: 'response'; frame: RpcResponse };

/** Classifies an already JSON-parsed value; `null` when it is no JSON-RPC 2.0 frame at all. */
export function classifyFrame(value: unknown): RpcFrame | null {
  const request = rpcRequestSchema.safeParse(value);
  if (request.success) return { kind: 'request', frame: request.data };
  const response = rpcResponseSchema.safeParse(value);
  if (response.success) return { kind: 'response', frame: response.data };
  const notification = rpcNotificationSchema.safeParse(value);
  if (notification.success && !Object.hasOwn(value as object, 'id')) {
    return { kind: 'notification', frame: notification.data };
  }
  return null;
}

export function rpcErrorFromAppError(error: AppError): RpcError {
  return {
    code: jsonRpcCodeByCode[error.code],
    message: error.message,
    data: { code: error.code },
  };
}

export function rpcFailure(id: RpcId | null, error: AppError): RpcResponse {
  return { jsonrpc: '2.0', id, error: rpcErrorFromAppError(error) };
}
