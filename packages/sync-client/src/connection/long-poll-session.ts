import {
  backoffDelayMs,
  rpcRequestSchema,
  type AgentHelloParams,
  type BackoffOptions,
  type RpcResponse,
} from '@cotejo/protocol';
import type { LookupRunner } from '../lookup/lookup-runner.ts';
import type { AgentEvent } from './agent-events.ts';
import { agentHttpUrl } from './agent-url.ts';
import { answerWithDeadline } from './request-deadline.ts';

export interface LongPollSessionOptions {
  serverUrl: string;
  key: string;
  hello: AgentHelloParams;
  runner: LookupRunner;
  backoff: BackoffOptions;
  random: () => number;
  /** Seconds each poll may wait on the server (`?wait=`). */
  waitSeconds: number;
  emit: (event: AgentEvent) => void;
}

/** The header carrying the long-poll session id, as the server names it. */
const sessionHeader = 'cotejo-session';
/** Most answers per `POST /api/agent/responses` (the server's limit). */
const maxBatch = 100;

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/**
 * The long-poll transport: `POST /api/agent/responses` with `agent.hello`, then
 * `GET /api/agent/requests?wait=N` in a loop. Each request is answered as soon as its lookup
 * finishes (answers that finish together go in one POST) while the next poll already waits.
 * Failures are retried with backoff until `stop()`.
 */
export class LongPollSession {
  readonly #stopped = new AbortController();
  readonly #answering = new Set<Promise<void>>();
  #pending: RpcResponse[] = [];
  #posting: Promise<void> | undefined;
  #sessionId: string | undefined;
  #helloFor: string | undefined;
  #attempt = 0;
  readonly done: Promise<void>;

  constructor(private readonly options: LongPollSessionOptions) {
    this.done = this.#run();
  }

  /** Stops polling, lets running lookups finish and posts their answers. */
  async stop(): Promise<void> {
    this.#stopped.abort();
    await this.done;
    await Promise.allSettled([...this.#answering]);
    await this.#flush();
  }

  async #run(): Promise<void> {
    const { emit, serverUrl } = this.options;
    const url = agentHttpUrl(serverUrl, `/api/agent/requests`);
    emit({ type: 'connecting', attempt: this.#attempt, url });
    while (!this.#stopped.signal.aborted) {
      try {
        await this.#sayHello(url);
        const requests = await this.#poll();
        this.#attempt = 0;
        for (const request of requests) this.#answer(JSON.stringify(request));
      } catch (error) {
        if (this.#stopped.signal.aborted) return;
        if (error instanceof HttpStatusError) emit({ type: 'rejected', status: error.status });
        else emit({ type: 'socket-error', message: (error as Error).message });
        this.#helloFor = undefined;
        const delayMs = backoffDelayMs(this.#attempt, this.options.backoff, this.options.random);
        this.#attempt += 1;
        emit({ type: 'reconnect-scheduled', attempt: this.#attempt, delayMs });
        await sleep(delayMs, this.#stopped.signal);
      }
    }
  }

  /** Sends hello for a new session (first contact, or the server opened another one). */
  async #sayHello(url: string): Promise<void> {
    if (this.#sessionId !== undefined && this.#helloFor === this.#sessionId) return;
    await this.#post([{ jsonrpc: '2.0', method: 'agent.hello', params: this.options.hello }]);
    this.#helloFor = this.#sessionId;
    this.options.emit({ type: 'connected', url, transport: 'long-poll' });
  }

  async #poll(): Promise<unknown[]> {
    const { serverUrl, waitSeconds } = this.options;
    const response = await fetch(
      `${agentHttpUrl(serverUrl, '/api/agent/requests')}?wait=${waitSeconds}`,
      {
        headers: this.#headers(),
        signal: AbortSignal.any([
          this.#stopped.signal,
          AbortSignal.timeout((waitSeconds + 15) * 1000),
        ]),
      },
    );
    const body = await this.#read(response);
    if (!Array.isArray(body)) throw new Error('respuesta de long-poll inesperada');
    return (body as unknown[]).filter((frame) => rpcRequestSchema.safeParse(frame).success);
  }

  #answer(text: string): void {
    const running = answerWithDeadline(text, this.options.runner, new AbortController().signal)
      .then((answer) => {
        if (answer === null) return;
        const { response, ...event } = answer;
        this.#pending.push(response);
        this.options.emit({ type: 'request-answered', ...event });
        void this.#flush();
      })
      .finally(() => this.#answering.delete(running));
    this.#answering.add(running);
  }

  /** Posts pending answers; answers arriving during a POST go in the next one. */
  #flush(): Promise<void> {
    this.#posting ??= (async () => {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0, maxBatch);
        try {
          await this.#post(batch);
        } catch (error) {
          // Not lost for good: the lease expires and the server redelivers.
          this.options.emit({ type: 'socket-error', message: (error as Error).message });
        }
      }
    })().finally(() => {
      this.#posting = undefined;
      if (this.#pending.length > 0) void this.#flush();
    });
    return this.#posting;
  }

  async #post(frames: unknown[]): Promise<void> {
    const response = await fetch(agentHttpUrl(this.options.serverUrl, '/api/agent/responses'), {
      method: 'POST',
      headers: { ...this.#headers(), 'content-type': 'application/json' },
      body: JSON.stringify(frames),
      signal: AbortSignal.timeout(30_000),
    });
    await this.#read(response);
  }

  #headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.options.key}`,
      ...(this.#sessionId !== undefined && { [sessionHeader]: this.#sessionId }),
    };
  }

  async #read(response: Response): Promise<unknown> {
    const session = response.headers.get(sessionHeader);
    if (session) this.#sessionId = session;
    if (!response.ok) {
      await response.body?.cancel();
      throw new HttpStatusError(response.status);
    }
    return response.json();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
