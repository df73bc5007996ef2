import { afterEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat, pingsPerTurn, type HeartbeatPeer } from './heartbeat.ts';

class FakePeer implements HeartbeatPeer {
  pings = 0;
  terminated = false;
  ping() {
    this.pings++;
  }
  terminate() {
    this.terminated = true;
  }
}

describe('Heartbeat', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pings every peer and terminates one silent for two intervals', () => {
    const heartbeat = new Heartbeat<FakePeer>({ intervalMs: 1000 });
    const talking = new FakePeer();
    const silent = new FakePeer();
    heartbeat.add(talking);
    heartbeat.add(silent);
    heartbeat.sweep();
    expect([talking.pings, silent.pings]).toEqual([1, 1]);
    heartbeat.seen(talking);
    heartbeat.sweep();
    expect(silent.terminated).toBe(false);
    heartbeat.seen(talking);
    heartbeat.sweep();
    expect(silent.terminated).toBe(true);
    expect(talking.terminated).toBe(false);
    expect(talking.pings).toBe(3);
  });

  it('pings a crowd in slices, one slice per turn of the event loop', async () => {
    const heartbeat = new Heartbeat<FakePeer>({ intervalMs: 1000 });
    const peers = Array.from({ length: pingsPerTurn * 2 + 1 }, () => new FakePeer());
    for (const peer of peers) heartbeat.add(peer);
    heartbeat.sweep();
    expect(peers.filter((peer) => peer.pings === 1)).toHaveLength(pingsPerTurn);
    await new Promise((resolve) => setImmediate(resolve));
    expect(peers.filter((peer) => peer.pings === 1)).toHaveLength(pingsPerTurn * 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(peers.every((peer) => peer.pings === 1)).toBe(true);
  });

  it('uses a single interval timer for all peers', () => {
    vi.useFakeTimers();
    const alive: number[] = [];
    const heartbeat = new Heartbeat<FakePeer>({
      intervalMs: 1000,
      onSweep: (peers) => alive.push(peers.length),
    });
    for (let i = 0; i < 5; i++) heartbeat.add(new FakePeer());
    heartbeat.start();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3000);
    expect(alive).toEqual([5, 5, 0]);
    heartbeat.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
