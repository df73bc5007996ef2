import { validationStatusSchema } from '@cotejo/protocol';
import { z } from 'zod';

/** What one instance tells the others, coalesced into one NOTIFY payload. */
export const clusterMessageSchema = z.object({
  /** The sending instance (it ignores its own messages). */
  from: z.string().max(64),
  /** Tenants with newly queued work. */
  work: z.array(z.string().max(64)).max(500).default([]),
  /** Completed requests: [id, tenantId, status]. */
  done: z
    .array(z.tuple([z.string().max(64), z.string().max(64), validationStatusSchema]))
    .max(500)
    .default([]),
});
export type ClusterMessage = z.infer<typeof clusterMessageSchema>;

export type ClusterItem =
  { kind: 'work'; tenantId: string } | { kind: 'done'; entry: ClusterMessage['done'][number] };

/** NOTIFY payloads must stay under 8000 bytes; ids are ASCII, so characters are bytes. */
const maxPayloadChars = 7_000;

/** Packs items into as few payloads as fit, each under the NOTIFY limit; work is deduplicated. */
export function packClusterMessages(from: string, items: readonly ClusterItem[]): string[] {
  const payloads: string[] = [];
  let current: ClusterMessage = { from, work: [], done: [] };
  let size = 64;
  const flush = () => {
    if (current.work.length + current.done.length === 0) return;
    payloads.push(JSON.stringify(current));
    current = { from, work: [], done: [] };
    size = 64;
  };
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind === 'work' && seen.has(item.tenantId)) continue;
    const cost =
      item.kind === 'work' ? item.tenantId.length + 3 : JSON.stringify(item.entry).length + 1;
    if (size + cost > maxPayloadChars) flush();
    size += cost;
    if (item.kind === 'work') {
      seen.add(item.tenantId);
      current.work.push(item.tenantId);
    } else current.done.push(item.entry);
  }
  flush();
  return payloads;
}
