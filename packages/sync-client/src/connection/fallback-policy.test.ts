import { describe, expect, it } from 'vitest';
import { FallbackPolicy } from './fallback-policy.ts';

describe('FallbackPolicy', () => {
  const policy = () => new FallbackPolicy({ stableConnectionMs: 10_000 });

  it('falls back after two refused upgrades, naming the status, but never for a bad key', () => {
    const refused = policy();
    expect(refused.record({ kind: 'refused', status: 401 })).toBeNull();
    expect(refused.record({ kind: 'refused', status: 401 })).toBeNull();
    expect(refused.record({ kind: 'refused', status: 403 })).toBeNull();
    expect(refused.record({ kind: 'refused', status: 403 })).toMatch(/HTTP 403/);
  });

  it('does not fall back while the server is busy (503, 429: a reconnect storm)', () => {
    const busy = policy();
    for (let i = 0; i < 10; i++) {
      expect(busy.record({ kind: 'refused', status: i % 2 === 0 ? 503 : 429 })).toBeNull();
    }
  });

  it('does not fall back while the server is simply down', () => {
    const down = policy();
    for (let i = 0; i < 10; i++) {
      expect(down.record({ kind: 'unreachable', message: 'ECONNREFUSED' })).toBeNull();
    }
  });

  it('falls back after three short-lived abnormal drops in a row; a stable one resets', () => {
    const flaky = policy();
    expect(flaky.record({ kind: 'closed', code: 1006, uptimeMs: 200 })).toBeNull();
    expect(flaky.record({ kind: 'closed', code: 1006, uptimeMs: 200 })).toBeNull();
    expect(flaky.record({ kind: 'closed', code: 1006, uptimeMs: 60_000 })).toBeNull();
    expect(flaky.record({ kind: 'closed', code: 1012, uptimeMs: 100 })).toBeNull();
    expect(flaky.record({ kind: 'closed', code: 1006, uptimeMs: 200 })).toBeNull();
    expect(flaky.record({ kind: 'closed', code: 1006, uptimeMs: 200 })).toBeNull();
    expect(flaky.record({ kind: 'closed', code: 1006, uptimeMs: 200 })).toMatch(/se corta seguido/);
  });

  it('falls back after two handshakes that never complete', () => {
    const blocked = policy();
    expect(blocked.record({ kind: 'handshake-failed', message: 'socket hang up' })).toBeNull();
    expect(blocked.record({ kind: 'handshake-failed', message: 'socket hang up' })).toMatch(
      /socket hang up/,
    );
  });
});
