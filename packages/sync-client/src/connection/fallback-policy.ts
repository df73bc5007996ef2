/** How one WebSocket attempt ended. */
export type SocketOutcome =
  /** The server or something in front of it answered HTTP instead of upgrading. */
  | { kind: 'refused'; status: number; retryAfterMs?: number }
  /** Nothing listens at the address (the server is down): no reason to change transport. */
  | { kind: 'unreachable'; message: string }
  /** The connection was made but the upgrade never completed (reset, timeout, bad answer). */
  | { kind: 'handshake-failed'; message: string }
  /** It was open and closed. */
  | { kind: 'closed'; code: number; uptimeMs: number };

export interface FallbackPolicyOptions {
  /** Consecutive refusals or failed handshakes before falling back. */
  failedOpens?: number;
  /** Consecutive short-lived connections before falling back. */
  shortLivedDrops?: number;
  /** A connection open at least this long is healthy. */
  stableConnectionMs: number;
}

/** Upgrade refusals that say nothing about WebSockets: bad key, server busy, rate limited. */
const notAboutWebSockets = new Set([401, 429, 503]);

/** Close codes that say nothing about the network: normal close, going away, restart. */
const benignCloseCodes = new Set([1000, 1001, 1012]);

/**
 * Decides when WebSockets do not work here and the client should use long-poll: the upgrade is
 * refused (other than a bad key) or never completes twice in a row, or connections keep
 * dropping within seconds of opening three times in a row. Returns the reason, in Spanish, for
 * the logs and presence.
 */
export class FallbackPolicy {
  #failedOpens = 0;
  #shortLivedDrops = 0;

  constructor(private readonly options: FallbackPolicyOptions) {}

  record(outcome: SocketOutcome): string | null {
    const failedOpensLimit = this.options.failedOpens ?? 2;
    const dropsLimit = this.options.shortLivedDrops ?? 3;
    switch (outcome.kind) {
      case 'refused':
        // A bad key, or a busy server (503/429 during a reconnect storm): retrying later over
        // WebSocket is right; neither says that WebSockets do not work here.
        if (notAboutWebSockets.has(outcome.status)) return null;
        this.#failedOpens += 1;
        return this.#failedOpens >= failedOpensLimit
          ? `El servidor o un proxy rechaza el WebSocket (HTTP ${outcome.status})`
          : null;
      case 'handshake-failed':
        this.#failedOpens += 1;
        return this.#failedOpens >= failedOpensLimit
          ? `El WebSocket no se pudo abrir: ${outcome.message}`
          : null;
      case 'unreachable':
        return null;
      case 'closed': {
        this.#failedOpens = 0;
        if (outcome.uptimeMs >= this.options.stableConnectionMs) {
          this.#shortLivedDrops = 0;
          return null;
        }
        if (benignCloseCodes.has(outcome.code)) return null;
        this.#shortLivedDrops += 1;
        return this.#shortLivedDrops >= dropsLimit
          ? `El WebSocket se corta seguido: ${this.#shortLivedDrops} cortes a los pocos segundos de abrir (último código ${outcome.code})`
          : null;
      }
    }
  }

  reset(): void {
    this.#failedOpens = 0;
    this.#shortLivedDrops = 0;
  }
}
