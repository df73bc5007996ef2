import {
  agentSubprotocol,
  backoffDelayMs,
  defaultBackoff,
  type AgentHelloParams,
  type BackoffOptions,
} from '@cotejo/protocol';
import WebSocket from 'ws';
import type { LookupRunner } from '../lookup/lookup-runner.ts';
import { createEventChannel, type AgentEventListener } from './agent-events.ts';
import { agentSocketUrl } from './agent-url.ts';
import { answerFrame } from './answer-request.ts';
import { frameText } from './frame-text.ts';

export interface AgentConnectionOptions {
  /** The server's base URL (http, https, ws or wss). */
  serverUrl: string;
  key: string;
  hello: AgentHelloParams;
  runner: LookupRunner;
  backoff?: BackoffOptions;
  random?: () => number;
  /** The server's ping interval; silence for twice this long means the server is gone. */
  heartbeatIntervalMs?: number;
  /** A connection open at least this long resets the backoff attempt counter. */
  stableConnectionMs?: number;
  maxFrameBytes?: number;
  now?: () => number;
}

/**
 * The sync-client's outbound WebSocket to the server: says hello, answers requests, notices a
 * silent server and reconnects with capped exponential backoff and full jitter until `stop()`.
 */
export class AgentConnection {
  readonly #options: AgentConnectionOptions;
  readonly #url: string;
  readonly #events = createEventChannel();
  #socket: WebSocket | undefined;
  #attempt = 0;
  #stopped = true;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #closed: Promise<void> = Promise.resolve();

  constructor(options: AgentConnectionOptions) {
    this.#options = options;
    this.#url = agentSocketUrl(options.serverUrl);
  }

  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: AgentEventListener): () => void {
    return this.#events.subscribe(listener);
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#connect();
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#reconnectTimer);
    const socket = this.#socket;
    if (socket?.readyState === WebSocket.OPEN) socket.close(1000, 'sync-client detenido');
    else socket?.terminate();
    await this.#closed;
    this.#events.emit({ type: 'stopped' });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #connect(): void {
    const { key, hello, runner, now = Date.now } = this.#options;
    const { emit } = this.#events;
    emit({ type: 'connecting', attempt: this.#attempt, url: this.#url });
    const socket = new WebSocket(this.#url, agentSubprotocol, {
      headers: { authorization: `Bearer ${key}` },
      maxPayload: this.#options.maxFrameBytes ?? 1024 * 1024,
      handshakeTimeout: 15_000,
    });
    this.#socket = socket;
    const inFlight = new AbortController();
    let openedAt: number | null = null;
    let rejected = false;
    let closeSocket: () => void = () => undefined;
    this.#closed = new Promise((resolve) => (closeSocket = resolve));

    socket.on('unexpected-response', (_request, response) => {
      rejected = true;
      emit({ type: 'rejected', status: response.statusCode ?? 0 });
      response.resume();
      socket.terminate();
    });
    socket.on('open', () => {
      openedAt = now();
      socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'agent.hello', params: hello }));
      this.#armWatchdog(socket);
      emit({ type: 'connected', url: this.#url });
    });
    socket.on('ping', () => this.#armWatchdog(socket));
    socket.on('message', (data, isBinary) => {
      this.#armWatchdog(socket);
      if (isBinary) return;
      answerFrame(frameText(data), runner, inFlight.signal)
        .then((answer) => {
          if (answer === null) return;
          const { response, ...event } = answer;
          if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(response));
          emit({ type: 'request-answered', ...event });
        })
        .catch((error: unknown) => emit({ type: 'socket-error', message: String(error) }));
    });
    socket.on('error', (error) => {
      if (!rejected) emit({ type: 'socket-error', message: error.message });
    });
    socket.on('close', (code, reason) => {
      clearTimeout(this.#watchdog);
      inFlight.abort();
      const uptimeMs = openedAt === null ? null : now() - openedAt;
      emit({ type: 'disconnected', code, reason: reason.toString(), uptimeMs });
      closeSocket();
      if (this.#stopped) return;
      if (uptimeMs !== null && uptimeMs >= (this.#options.stableConnectionMs ?? 10_000)) {
        this.#attempt = 0;
      }
      this.#scheduleReconnect();
    });
  }

  #scheduleReconnect(): void {
    const { backoff = defaultBackoff, random = Math.random } = this.#options;
    const delayMs = backoffDelayMs(this.#attempt, backoff, random);
    this.#attempt += 1;
    this.#events.emit({ type: 'reconnect-scheduled', attempt: this.#attempt, delayMs });
    this.#reconnectTimer = setTimeout(() => {
      if (!this.#stopped) this.#connect();
    }, delayMs);
  }

  #armWatchdog(socket: WebSocket): void {
    const silentMs = 2 * (this.#options.heartbeatIntervalMs ?? 20_000);
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => {
      this.#events.emit({ type: 'heartbeat-timeout', silentMs });
      socket.terminate();
    }, silentMs);
  }
}
