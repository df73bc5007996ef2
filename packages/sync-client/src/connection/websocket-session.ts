import { agentSubprotocol, type AgentHelloParams } from '@cotejo/protocol';
import WebSocket from 'ws';
import type { LookupRunner } from '../lookup/lookup-runner.ts';
import type { AgentEvent } from './agent-events.ts';
import type { SocketOutcome } from './fallback-policy.ts';
import { frameText } from './frame-text.ts';
import { answerWithDeadline } from './request-deadline.ts';

export interface WebSocketSessionOptions {
  url: string;
  key: string;
  hello: AgentHelloParams;
  runner: LookupRunner;
  heartbeatIntervalMs: number;
  maxFrameBytes: number;
  now: () => number;
  emit: (event: AgentEvent) => void;
  /** Called once the upgrade completed and hello was sent. */
  onOpen: () => void;
  /** Called once, however the attempt ended. */
  onEnd: (outcome: SocketOutcome, close: { code: number; reason: string }) => void;
}

/** A busy server's `Retry-After` in seconds (1 to 300), in milliseconds; anything else: none. */
function retryAfter(header: string | undefined): number | undefined {
  const seconds = Number(header);
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 300 ? seconds * 1000 : undefined;
}

/** Errors meaning nothing answered at the address: the server is down, not WebSockets. */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * One WebSocket connection to the server: says hello, answers requests, notices a silent
 * server (no ping for two heartbeat intervals) and reports how it ended.
 */
export class WebSocketSession {
  readonly #socket: WebSocket;
  readonly #inFlight = new AbortController();
  readonly closed: Promise<void>;
  #watchdog: NodeJS.Timeout | undefined;

  constructor(private readonly options: WebSocketSessionOptions) {
    const { emit, now } = options;
    const socket = new WebSocket(options.url, agentSubprotocol, {
      headers: { authorization: `Bearer ${options.key}` },
      maxPayload: options.maxFrameBytes,
      handshakeTimeout: 15_000,
    });
    this.#socket = socket;
    let openedAt: number | null = null;
    let failure: SocketOutcome | null = null;
    let markClosed: () => void = () => undefined;
    this.closed = new Promise((resolve) => (markClosed = resolve));

    socket.on('unexpected-response', (_request, response) => {
      const retryAfterMs = retryAfter(response.headers['retry-after']);
      failure = {
        kind: 'refused',
        status: response.statusCode ?? 0,
        ...(retryAfterMs !== undefined && { retryAfterMs }),
      };
      emit({ type: 'rejected', status: response.statusCode ?? 0 });
      response.resume();
      socket.terminate();
    });
    socket.on('open', () => {
      openedAt = now();
      socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'agent.hello', params: options.hello }));
      this.#armWatchdog();
      emit({ type: 'connected', url: options.url, transport: 'websocket' });
      options.onOpen();
    });
    socket.on('ping', () => this.#armWatchdog());
    socket.on('message', (data, isBinary) => {
      this.#armWatchdog();
      if (!isBinary) this.#answer(frameText(data));
    });
    socket.on('error', (error: Error & { code?: string }) => {
      if (failure === null && openedAt === null) {
        failure = unreachableCodes.has(error.code ?? '')
          ? { kind: 'unreachable', message: error.message }
          : { kind: 'handshake-failed', message: error.message };
      }
      if (failure?.kind !== 'refused') emit({ type: 'socket-error', message: error.message });
    });
    socket.on('close', (code, reason) => {
      clearTimeout(this.#watchdog);
      this.#inFlight.abort();
      const uptimeMs = openedAt === null ? null : now() - openedAt;
      const text = reason.toString();
      emit({ type: 'disconnected', code, reason: text, uptimeMs });
      markClosed();
      const outcome: SocketOutcome =
        uptimeMs !== null
          ? { kind: 'closed', code, uptimeMs }
          : (failure ?? { kind: 'handshake-failed', message: `cerrado con código ${code}` });
      options.onEnd(outcome, { code, reason: text });
    });
  }

  /** Closes with 1000 when open, else cuts the attempt; resolves once closed. */
  async close(reason: string): Promise<void> {
    if (this.#socket.readyState === WebSocket.OPEN) this.#socket.close(1000, reason);
    else this.#socket.terminate();
    await this.closed;
  }

  #answer(text: string): void {
    answerWithDeadline(text, this.options.runner, this.#inFlight.signal)
      .then((answer) => {
        if (answer === null) return;
        const { response, ...event } = answer;
        if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(response));
        this.options.emit({ type: 'request-answered', ...event });
      })
      .catch((error: unknown) =>
        this.options.emit({ type: 'socket-error', message: String(error) }),
      );
  }

  #armWatchdog(): void {
    const silentMs = 2 * this.options.heartbeatIntervalMs;
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => {
      this.options.emit({ type: 'heartbeat-timeout', silentMs });
      this.#socket.terminate();
    }, silentMs);
  }
}
