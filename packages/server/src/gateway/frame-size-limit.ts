import type { WebSocket } from 'ws';
import { closeCodes } from './close-codes.ts';

/**
 * `ws` enforces `maxPayload` itself and closes with 1009 but without a reason. This gives that
 * close a reason the peer can log, without buffering the oversized frame.
 */
export function limitFrameSize(ws: WebSocket, reason: string): void {
  const close = ws.close.bind(ws);
  ws.close = (code?: number, data?: string | Buffer) =>
    close(code, code === closeCodes.messageTooBig && data === undefined ? reason : data);
}
