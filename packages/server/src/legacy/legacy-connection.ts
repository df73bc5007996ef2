import type { ErrorCode } from '@cotejo/protocol';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { receiveResponse, type ResponseDeps } from '../delivery/receive-response.ts';
import { closeCodes, closeReasons } from '../gateway/close-codes.ts';
import type { SocketChannel } from '../gateway/socket-sessions.ts';
import { maxInvalidFrames } from '../gateway/agent-connection.ts';
import type { ClaimedRequest } from '../queue/claim.ts';
import {
  legacyClientMessageSchema,
  legacyInvoiceData,
  queryDataRefusal,
  type LegacyClientMessage,
} from './legacy-messages.ts';
import { legacyResponse } from './legacy-result.ts';

export interface LegacyConnectionDeps extends ResponseDeps {
  logger: Logger;
  onActivity: () => void;
}

/**
 * A client of the first design on `/ws`: gets `VALIDATE_INVOICE`, answers `VALIDATION_RESULT`,
 * exchanges `PING`/`PONG`. Same sessions, leases and tenant checks as protocol v1.
 */
export class LegacyConnection implements SocketChannel {
  #invalidFrames = 0;

  constructor(
    readonly socket: WebSocket,
    readonly sessionId: string,
    readonly tenantId: string,
    private readonly deps: LegacyConnectionDeps,
  ) {
    socket.on('message', (data, isBinary) => {
      deps.onActivity();
      this.#receive(data as Buffer, isBinary).catch((error: unknown) => {
        deps.logger.error({ err: error, sessionId }, 'legacy frame handling failed');
      });
    });
  }

  sendLookups(requests: readonly ClaimedRequest[]): boolean {
    return requests.every((request) =>
      this.#send({
        type: 'VALIDATE_INVOICE',
        queryId: request.id,
        data: legacyInvoiceData(request.invoice),
      }),
    );
  }

  ping(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.ping();
  }

  terminate(): void {
    this.socket.terminate();
  }

  #send(message: object): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  #error(code: ErrorCode, message: string, queryId?: string): void {
    this.#send({ type: 'ERROR', code, message, ...(queryId && { queryId }) });
  }

  async #receive(data: Buffer, isBinary: boolean): Promise<void> {
    let value: unknown;
    try {
      value = isBinary ? undefined : JSON.parse(data.toString('utf8'));
    } catch {
      value = undefined;
    }
    const parsed = legacyClientMessageSchema.safeParse(value);
    if (!parsed.success) return this.#reject();
    await this.#handle(parsed.data);
  }

  async #handle(message: LegacyClientMessage): Promise<void> {
    switch (message.type) {
      case 'PING':
        this.#send({ type: 'PONG' });
        return;
      case 'PONG':
        return;
      case 'QUERY_DATA':
        this.#error('METHOD_NOT_FOUND', queryDataRefusal);
        return;
      case 'VALIDATION_RESULT': {
        const acceptance = await receiveResponse(
          this.deps,
          { tenantId: this.tenantId, sessionId: this.sessionId },
          legacyResponse(message.queryId, { result: message.result }),
        );
        if (acceptance.kind === 'unknown') {
          this.#error('UNKNOWN_REQUEST', acceptance.error.message, message.queryId);
        }
        return;
      }
    }
  }

  #reject(): void {
    this.#invalidFrames++;
    this.deps.events.emit('agent.frame_rejected', {
      sessionId: this.sessionId,
      tenantId: this.tenantId,
      code: 'INVALID_FRAME',
    });
    this.#error(
      'INVALID_FRAME',
      'Mensaje inválido: se espera JSON con type VALIDATION_RESULT, PING o PONG.',
    );
    if (this.#invalidFrames >= maxInvalidFrames) {
      this.socket.close(closeCodes.policyViolation, closeReasons.tooManyInvalidFrames);
    }
  }
}
