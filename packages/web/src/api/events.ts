import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { agentsKey } from './agents.ts';
import { documentsKey, storeDocument, type Documento } from './documents.ts';
import { metricsKey } from './metrics.ts';

export type StreamState = 'connecting' | 'open' | 'closed';

/**
 * What each server-sent event of `GET /api/events` updates: `documento` carries the document's
 * new state (stored as is, so the verdict appears without a request), `agentes` the presence.
 */
const refreshers: Record<string, (client: QueryClient, data: unknown) => void> = {
  documento: (client, data) => {
    const { id, documento } = (data ?? {}) as { id?: unknown; documento?: Documento };
    if (typeof id === 'string' && documento?.id === id) storeDocument(client, documento);
    void client.invalidateQueries({ queryKey: [...documentsKey, 'lista'] });
    void client.invalidateQueries({ queryKey: metricsKey });
  },
  agentes: (client) => {
    void client.invalidateQueries({ queryKey: agentsKey });
    void client.invalidateQueries({ queryKey: metricsKey });
  },
};

/**
 * Subscribes to the server's event stream while signed in (no polling): every event refreshes
 * the queries it concerns. EventSource reconnects by itself; on reconnect everything is
 * refreshed, in case events were missed while the stream was down.
 */
export function useServerEvents(): StreamState {
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    const source = new EventSource('/api/events', { withCredentials: true });
    let opened = false;
    source.onopen = () => {
      if (opened) void client.invalidateQueries();
      opened = true;
      setState('open');
    };
    source.onerror = () =>
      setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    const listeners = Object.entries(refreshers).map(([type, refresh]) => {
      const listener = (event: MessageEvent<string>) => refresh(client, parse(event.data));
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    return () => {
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
    };
  }, [client]);
  return state;
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}
