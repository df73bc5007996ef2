/** A real client of `GET /api/events` (fetch, streamed body): records and awaits events. */
export interface ReceivedEvent {
  event: string;
  data: Record<string, unknown>;
}

export interface EventStreamClient {
  status: number;
  events: ReceivedEvent[];
  next(match: (event: ReceivedEvent) => boolean): Promise<ReceivedEvent>;
  close(): void;
}

export async function openEventStream(url: string, token: string): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  if (response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.+)$/m.exec(frame)?.[1];
            if (event && data)
              events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
            for (const wake of [...waiters]) wake();
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: response.status,
    events,
    next(match) {
      return new Promise((resolve) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
