/**
 * Per-tenant fan-out of server events to the browsers' event streams. One bus subscription for
 * all streams; a document change or presence change is loaded once per tenant and sent to
 * every stream of that tenant. Streams of other tenants never see it.
 */
import { AppError } from '@cotejo/protocol';
import type { EventBus } from '../events/event-bus.ts';
import type { StreamEvent } from './stream-event.ts';

export interface StreamSubscriber {
  send(event: StreamEvent): void;
}

export interface TenantEventHub {
  /** Adds a stream; throws RATE_LIMITED past `maxStreamsPerTenant`. Returns the unsubscribe. */
  subscribe(tenantId: string, subscriber: StreamSubscriber): () => void;
  /** The first event a new stream gets: who is connected now. */
  snapshot(tenantId: string): Promise<StreamEvent>;
  stop(): void;
}

export interface HubDeps {
  events: EventBus;
  loadDocument: (tenantId: string, id: string) => Promise<unknown>;
  loadPresence: (tenantId: string) => Promise<unknown[]>;
  maxStreamsPerTenant: number;
  onError: (error: unknown) => void;
}

const presenceChanges = {
  'agent.connected': 'conectado',
  'agent.hello': 'identificado',
  'agent.disconnected': 'desconectado',
} as const;

export function createTenantEventHub(deps: HubDeps): TenantEventHub {
  const streams = new Map<string, Set<StreamSubscriber>>();

  function broadcast(tenantId: string, load: () => Promise<StreamEvent>): void {
    if (!streams.get(tenantId)?.size) return;
    load()
      .then((event) => {
        for (const subscriber of streams.get(tenantId) ?? []) subscriber.send(event);
      })
      .catch(deps.onError);
  }

  const presenceEvent = async (
    tenantId: string,
    cambio: Record<string, unknown>,
  ): Promise<StreamEvent> => ({
    event: 'agentes',
    data: {
      ...(Object.keys(cambio).length > 0 && { cambio }),
      agentes: await deps.loadPresence(tenantId),
    },
  });

  const unsubscribes = [
    deps.events.on('document.changed', ({ id, tenantId }) =>
      broadcast(tenantId, async () => {
        const documento = await deps.loadDocument(tenantId, id);
        return { event: 'documento', data: { id, documento } };
      }),
    ),
    ...(Object.keys(presenceChanges) as (keyof typeof presenceChanges)[]).map((type) =>
      deps.events.on(type, (payload) =>
        broadcast(payload.tenantId, () =>
          presenceEvent(payload.tenantId, {
            tipo: presenceChanges[type],
            sessionId: payload.sessionId,
            ...('hostname' in payload && { hostname: payload.hostname }),
          }),
        ),
      ),
    ),
  ];

  return {
    subscribe(tenantId, subscriber) {
      const set = streams.get(tenantId) ?? new Set();
      if (set.size >= deps.maxStreamsPerTenant) {
        throw new AppError(
          'RATE_LIMITED',
          `Hay demasiadas pestañas abiertas con eventos en vivo para este cliente (máximo ${deps.maxStreamsPerTenant}): cierre algunas.`,
        );
      }
      streams.set(tenantId, set);
      set.add(subscriber);
      return () => {
        set.delete(subscriber);
        if (set.size === 0) streams.delete(tenantId);
      };
    },
    snapshot: (tenantId) => presenceEvent(tenantId, {}),
    stop() {
      for (const off of unsubscribes) off();
      streams.clear();
    },
  };
}
