import {
  AppError,
  agentHelloParamsSchema,
  rpcFailure,
  type RpcFrame,
  type RpcResponse,
} from '@cotejo/protocol';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { recordHello } from '../agents/agent-sessions.ts';
import type { Db } from '../db/db.ts';
import { receiveResponse } from '../delivery/receive-response.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { ClaimedRequest } from '../queue/claim.ts';
import { closeCodes, closeReasons } from './close-codes.ts';
import { readIncomingFrame } from './incoming-frame.ts';
import { lookupFrame } from '../delivery/lookup-frame.ts';
import type { SocketChannel } from './socket-sessions.ts';

/** Invalid frames tolerated on one connection before it is closed with 1008. */
export const maxInvalidFrames = 3;

/** Bytes queued on a socket past which it counts as saturated (a slow client): no new lookups. */
export const maxBufferedBytes = 1024 * 1024;

export interface ConnectionDeps {
  db: Db;
  events: EventBus;
  logger: Logger;
  amountTolerance: string;
  maxAttempts: number;
  /** Any sign of life (for the heartbeat). */
  onActivity: () => void;
}

/** One sync-client WebSocket (protocol v1): reads its frames and sends it lookups. */
export class AgentConnection implements SocketChannel {
  #invalidFrames = 0;

  constructor(
    readonly socket: WebSocket,
    readonly sessionId: string,
    readonly tenantId: string,
    private readonly deps: ConnectionDeps,
  ) {
    socket.on('message', (data, isBinary) => {
      deps.onActivity();
      this.#receive(data as Buffer, isBinary).catch((error: unknown) => {
        deps.logger.error({ err: error, sessionId }, 'agent frame handling failed');
      });
    });
  }

  sendLookups(requests: readonly ClaimedRequest[]): boolean {
    return requests.every((request) => this.#send(lookupFrame(request)));
  }

  canSend(): boolean {
    return (
      this.socket.readyState === WebSocket.OPEN && this.socket.bufferedAmount < maxBufferedBytes
    );
  }

  ping(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.ping();
  }

  terminate(): void {
    this.socket.terminate();
  }

  #send(frame: object): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  async #receive(data: Buffer, isBinary: boolean): Promise<void> {
    const incoming = readIncomingFrame(data, isBinary);
    if (!incoming.ok) return this.#reject(incoming.reply);
    await this.#handle(incoming.frame);
  }

  async #handle({ kind, frame }: RpcFrame): Promise<void> {
    switch (kind) {
      case 'response':
        return this.#handleResponse(frame);
      case 'notification':
        if (frame.method === 'agent.hello') await this.#handleHello(frame.params);
        return;
      case 'request':
        this.#send(
          rpcFailure(
            frame.id,
            new AppError('METHOD_NOT_FOUND', `El servidor no ofrece el método "${frame.method}".`),
          ),
        );
        return;
    }
  }

  async #handleResponse(frame: RpcResponse): Promise<void> {
    const { db, events, amountTolerance, maxAttempts } = this.deps;
    const acceptance = await receiveResponse(
      { db, events, amountTolerance, maxAttempts },
      { tenantId: this.tenantId, sessionId: this.sessionId },
      frame,
    );
    if (acceptance.kind === 'unknown') this.#send(rpcFailure(null, acceptance.error));
  }

  async #handleHello(params: unknown): Promise<void> {
    const hello = agentHelloParamsSchema.safeParse(params);
    if (!hello.success) {
      const error = new AppError('BAD_REQUEST', 'agent.hello con parámetros inválidos.');
      return this.#reject(rpcFailure(null, error));
    }
    await recordHello(this.deps.db, this.sessionId, hello.data);
    this.deps.events.emit('agent.hello', {
      sessionId: this.sessionId,
      tenantId: this.tenantId,
      hostname: hello.data.hostname,
    });
  }

  /** Answers a bad frame; closes the connection of a repeat offender. */
  #reject(reply: RpcResponse): void {
    this.#invalidFrames++;
    const code = 'error' in reply ? (reply.error.data?.code ?? 'INVALID_FRAME') : 'INVALID_FRAME';
    this.deps.events.emit('agent.frame_rejected', {
      sessionId: this.sessionId,
      tenantId: this.tenantId,
      code,
    });
    this.#send(reply);
    if (this.#invalidFrames >= maxInvalidFrames) {
      this.socket.close(closeCodes.policyViolation, closeReasons.tooManyInvalidFrames);
    }
  }
}
