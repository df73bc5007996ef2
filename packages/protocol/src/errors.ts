/**
 * The closed set of error codes shared by the HTTP API, the agent protocol and the CLIs.
 * Each code has exactly one HTTP status and one JSON-RPC code; adding a code without them
 * does not compile.
 */
export const errorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'KEY_REVOKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INVALID_FRAME',
  'METHOD_NOT_FOUND',
  'UNKNOWN_REQUEST',
  'ALREADY_COMPLETED',
  'LOOKUP_NOT_CONFIGURED',
  'QUERY_NOT_ALLOWED',
  'QUERY_TIMEOUT',
  'ERP_UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'DELIVERY_FAILED',
  'CONFIG_INVALID',
  'EXTRACTION_FAILED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const httpStatusByCode: { readonly [C in ErrorCode]: number } = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  KEY_REVOKED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INVALID_FRAME: 400,
  METHOD_NOT_FOUND: 404,
  UNKNOWN_REQUEST: 404,
  ALREADY_COMPLETED: 409,
  LOOKUP_NOT_CONFIGURED: 422,
  QUERY_NOT_ALLOWED: 422,
  QUERY_TIMEOUT: 504,
  ERP_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  DELIVERY_FAILED: 502,
  CONFIG_INVALID: 400,
  EXTRACTION_FAILED: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** JSON-RPC 2.0 numeric codes: the standard ones where they fit, -32000..-32099 otherwise. */
export const jsonRpcCodeByCode: { readonly [C in ErrorCode]: number } = {
  BAD_REQUEST: -32602,
  UNAUTHORIZED: -32001,
  KEY_REVOKED: -32002,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  PAYLOAD_TOO_LARGE: -32005,
  RATE_LIMITED: -32006,
  INVALID_FRAME: -32600,
  METHOD_NOT_FOUND: -32601,
  UNKNOWN_REQUEST: -32007,
  ALREADY_COMPLETED: -32008,
  LOOKUP_NOT_CONFIGURED: -32009,
  QUERY_NOT_ALLOWED: -32010,
  QUERY_TIMEOUT: -32011,
  ERP_UNAVAILABLE: -32012,
  DEADLINE_EXCEEDED: -32013,
  DELIVERY_FAILED: -32020,
  CONFIG_INVALID: -32014,
  EXTRACTION_FAILED: -32015,
  UNAVAILABLE: -32016,
  INTERNAL: -32603,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** The one application error type. `message` is Spanish, meant for people. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
