/** What the browser's event stream carries, by SSE event name (defined once). */
export const streamEventNames = ['agentes', 'documento'] as const;
export type StreamEventName = (typeof streamEventNames)[number];

export interface StreamEvent {
  event: StreamEventName;
  data: unknown;
}

/** One server-sent event frame: `event:` and `data:` lines (JSON has no raw newlines). */
export function formatSse(event: StreamEvent, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}
