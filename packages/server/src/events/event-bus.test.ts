import { describe, expect, it } from 'vitest';
import { createEventBus, nextEvent } from './event-bus.ts';

describe('event bus', () => {
  it('delivers to every listener even when one throws, and reports the error', () => {
    const errors: unknown[] = [];
    const bus = createEventBus((error) => errors.push(error));
    const seen: string[] = [];
    bus.on('agent.connected', () => {
      throw new Error('listener failed');
    });
    bus.on('agent.connected', ({ sessionId }) => seen.push(sessionId));
    expect(() => bus.emit('agent.connected', { sessionId: 's1', tenantId: 't1' })).not.toThrow();
    expect(seen).toEqual(['s1']);
    expect(errors).toHaveLength(1);
  });

  it('unsubscribes and waits for a matching event', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    const off = bus.on('agent.connected', ({ sessionId }) => seen.push(sessionId));
    const waiting = nextEvent(bus, 'agent.connected', (event) => event.sessionId === 's2');
    bus.emit('agent.connected', { sessionId: 's1', tenantId: 't' });
    off();
    bus.emit('agent.connected', { sessionId: 's2', tenantId: 't' });
    await expect(waiting).resolves.toEqual({ sessionId: 's2', tenantId: 't' });
    expect(seen).toEqual(['s1']);
  });
});
