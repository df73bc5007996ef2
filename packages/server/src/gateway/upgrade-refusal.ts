import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppError } from '@cotejo/protocol';

/**
 * Answers an upgrade request with a plain HTTP error (before any WebSocket exists); with
 * `retryAfterSeconds`, also `Retry-After` (the server is busy, not refusing the client).
 */
export function refuseUpgrade(
  socket: Duplex,
  error: AppError,
  options: { retryAfterSeconds?: number } = {},
): void {
  if (socket.destroyed) return;
  const status = error.httpStatus;
  const body = JSON.stringify({ error: error.toJSON() });
  socket.once('finish', () => socket.destroy());
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
      'Connection: close',
      ...(options.retryAfterSeconds === undefined
        ? []
        : [`Retry-After: ${options.retryAfterSeconds}`]),
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n'),
  );
}
