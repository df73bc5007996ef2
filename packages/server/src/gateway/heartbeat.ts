/** Something the heartbeat watches: a socket that answers pings. */
export interface HeartbeatPeer {
  ping(): void;
  /** Called when the peer missed `missedLimit` sweeps in a row. */
  terminate(): void;
}

interface PeerState {
  seen: boolean;
  missed: number;
}

/**
 * Peers pinged per turn of the event loop. A ping costs ~10 µs of socket write: ten thousand in
 * one go would block the loop for ~100 ms, so the rest go out on the following turns.
 */
export const pingsPerTurn = 1000;

function pingInSlices(peers: readonly HeartbeatPeer[], from = 0): void {
  const end = Math.min(peers.length, from + pingsPerTurn);
  for (let i = from; i < end; i++) peers[i]?.ping();
  if (end < peers.length) setImmediate(() => pingInSlices(peers, end));
}

/**
 * ONE sweep timer for every socket. Each sweep pings every peer; a peer that showed no sign of
 * life (pong or message) since the previous sweep misses one; at `missedLimit` misses (two
 * intervals of silence) it is terminated. `sweep()` is public so tests drive time.
 */
export class Heartbeat<P extends HeartbeatPeer> {
  readonly #peers = new Map<P, PeerState>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      intervalMs: number;
      missedLimit?: number;
      /** Called after each sweep with the peers still alive (for last-seen bookkeeping). */
      onSweep?: (alive: P[]) => void;
    },
  ) {}

  add(peer: P): void {
    this.#peers.set(peer, { seen: true, missed: 0 });
  }

  remove(peer: P): void {
    this.#peers.delete(peer);
  }

  /** Any sign of life: a pong or a message. */
  seen(peer: P): void {
    const state = this.#peers.get(peer);
    if (state) state.seen = true;
  }

  sweep(): void {
    const alive: P[] = [];
    for (const [peer, state] of this.#peers) {
      state.missed = state.seen ? 0 : state.missed + 1;
      state.seen = false;
      if (state.missed >= (this.options.missedLimit ?? 2)) {
        this.#peers.delete(peer);
        peer.terminate();
      } else {
        alive.push(peer);
      }
    }
    pingInSlices(alive);
    this.options.onSweep?.(alive);
  }

  start(): void {
    this.#timer ??= setInterval(() => this.sweep(), this.options.intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
