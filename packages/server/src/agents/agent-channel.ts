import type { CanonicalInvoice } from '@cotejo/protocol';

/**
 * A connected sync-client as the domain sees it, whatever the transport (WebSocket now,
 * long-poll later). `sendLookup` returns false when the transport can no longer send.
 */
export interface AgentChannel {
  readonly sessionId: string;
  readonly tenantId: string;
  sendLookup(requestId: string, invoice: CanonicalInvoice): boolean;
}
