import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../events/event-bus.ts';
import { waitForCompletion } from './wait-for-completion.ts';

describe('waitForCompletion', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves true on the completion of its own request only', async () => {
    const events = createEventBus();
    const wait = waitForCompletion(events, 'a', 1_000);
    events.emit('validation.completed', { id: 'b', tenantId: 't', status: 'OK' });
    events.emit('validation.completed', { id: 'a', tenantId: 't', status: 'OK' });
    await expect(wait.done).resolves.toBe(true);
  });

  it('resolves false when the time is up', async () => {
    vi.useFakeTimers();
    const events = createEventBus();
    const wait = waitForCompletion(events, 'a', 3_000);
    vi.advanceTimersByTime(3_000);
    await expect(wait.done).resolves.toBe(false);
    events.emit('validation.completed', { id: 'a', tenantId: 't', status: 'OK' });
  });
});
