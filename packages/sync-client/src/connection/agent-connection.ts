import {
  backoffDelayMs,
  defaultBackoff,
  type AgentHelloParams,
  type AgentTransportName,
  type BackoffOptions,
} from '@cotejo/protocol';
import type { LookupRunner } from '../lookup/lookup-runner.ts';
import { createEventChannel, type AgentEventListener } from './agent-events.ts';
import { agentSocketUrl } from './agent-url.ts';
import { FallbackPolicy, type SocketOutcome } from './fallback-policy.ts';
import { LongPollSession } from './long-poll-session.ts';
import { WebSocketSession } from './websocket-session.ts';

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
  /** `websocket` (default) falls back to long-poll on its own; `long-poll` never tries WS. */
  transport?: AgentTransportName;
  /** While on long-poll, how often to try the WebSocket again (default 5 minutes). */
  websocketRetryMs?: number;
  /** Seconds each long-poll may wait on the server (default 25). */
  longPollWaitSeconds?: number;
}

const serviceRestartCode = 1012;

/**
 * The sync-client's link to the server. It uses a WebSocket and reconnects with capped
 * exponential backoff and full jitter (at once after a server restart, 1012). When WebSockets
 * do not work here (`FallbackPolicy`) it switches to HTTP long-poll on its own, says why in
 * `agent.hello` (presence shows it), and retries the WebSocket every `websocketRetryMs`.
 */
export class AgentConnection {
  readonly #options: AgentConnectionOptions;
  readonly #url: string;
  readonly #events = createEventChannel();
  readonly #policy: FallbackPolicy;
  #socket: WebSocketSession | undefined;
  #longPoll: LongPollSession | undefined;
  #attempt = 0;
  #stopped = true;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(options: AgentConnectionOptions) {
    this.#options = options;
    this.#url = agentSocketUrl(options.serverUrl);
    this.#policy = new FallbackPolicy({
      stableConnectionMs: options.stableConnectionMs ?? 10_000,
    });
  }

  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: AgentEventListener): () => void {
    return this.#events.subscribe(listener);
  }

  /** The transport in use now. */
  get transport(): AgentTransportName {
    return this.#longPoll ? 'long-poll' : 'websocket';
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    if (this.#options.transport === 'long-poll') this.#startLongPoll(null);
    else this.#connect();
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#retryTimer);
    await Promise.all([this.#socket?.close('sync-client detenido'), this.#longPoll?.stop()]);
    this.#events.emit({ type: 'stopped' });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /** Opens a WebSocket; while on long-poll this is the periodic retry. */
  #connect(): void {
    const { now = Date.now } = this.#options;
    const retrying = this.#longPoll !== undefined;
    this.#events.emit({ type: 'connecting', attempt: this.#attempt, url: this.#url });
    const session: WebSocketSession = new WebSocketSession({
      url: this.#url,
      key: this.#options.key,
      hello: { ...this.#options.hello, transport: 'websocket' },
      runner: this.#options.runner,
      heartbeatIntervalMs: this.#options.heartbeatIntervalMs ?? 20_000,
      maxFrameBytes: this.#options.maxFrameBytes ?? 1024 * 1024,
      now,
      emit: this.#events.emit,
      onOpen: () => {
        if (this.#longPoll) void this.#leaveLongPoll();
      },
      onEnd: (outcome, close) => {
        if (this.#socket === session) this.#socket = undefined;
        if (this.#stopped) return;
        if (retrying && outcome.kind !== 'closed') return this.#scheduleWebSocketRetry();
        this.#afterSocket(outcome, close.code);
      },
    });
    this.#socket = session;
  }

  #afterSocket(outcome: SocketOutcome, code: number): void {
    if (
      outcome.kind === 'closed' &&
      outcome.uptimeMs >= (this.#options.stableConnectionMs ?? 10_000)
    ) {
      this.#attempt = 0;
    }
    if (code === serviceRestartCode) this.#attempt = 0;
    const reason = this.#policy.record(outcome);
    if (reason !== null) return this.#startLongPoll(reason);
    const { backoff = defaultBackoff, random = Math.random } = this.#options;
    // A busy server said when to come back: then, spread over one backoff base (a herd of
    // clients told the same second must not return in the same millisecond).
    const retryAfterMs = outcome.kind === 'refused' ? outcome.retryAfterMs : undefined;
    const delayMs =
      retryAfterMs === undefined
        ? backoffDelayMs(this.#attempt, backoff, random)
        : retryAfterMs + Math.floor(random() * backoff.baseMs);
    if (retryAfterMs === undefined) this.#attempt += 1;
    this.#events.emit({ type: 'reconnect-scheduled', attempt: this.#attempt, delayMs });
    this.#reconnectTimer = setTimeout(() => {
      if (!this.#stopped) this.#connect();
    }, delayMs);
  }

  #startLongPoll(reason: string | null): void {
    const fallbackReason = reason ?? 'Configurado para usar long-poll';
    this.#events.emit({
      type: 'transport-changed',
      transport: 'long-poll',
      reason: fallbackReason,
    });
    this.#longPoll = new LongPollSession({
      serverUrl: this.#options.serverUrl,
      key: this.#options.key,
      hello: { ...this.#options.hello, transport: 'long-poll', fallbackReason },
      runner: this.#options.runner,
      backoff: this.#options.backoff ?? defaultBackoff,
      random: this.#options.random ?? Math.random,
      waitSeconds: this.#options.longPollWaitSeconds ?? 25,
      emit: this.#events.emit,
    });
    if (reason !== null) this.#scheduleWebSocketRetry();
  }

  #scheduleWebSocketRetry(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => {
      if (!this.#stopped && this.#longPoll) this.#connect();
    }, this.#options.websocketRetryMs ?? 300_000);
    this.#retryTimer.unref();
  }

  /** The WebSocket works again: stop polling once the answers in progress are posted. */
  async #leaveLongPoll(): Promise<void> {
    const longPoll = this.#longPoll;
    this.#longPoll = undefined;
    this.#policy.reset();
    this.#attempt = 0;
    this.#events.emit({ type: 'transport-changed', transport: 'websocket', reason: null });
    await longPoll?.stop();
  }
}
