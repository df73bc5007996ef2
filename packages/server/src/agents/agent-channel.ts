import type { ClaimedRequest } from '../queue/claim.ts';

/**
 * A sync-client ready to receive requests, as the domain sees it, whatever the transport
 * (WebSocket, a waiting long-poll, a legacy socket). `sendLookups` returns false when the
 * transport can no longer send; a long-poll waiter takes one batch and then leaves.
 */
export interface AgentChannel {
  readonly sessionId: string;
  readonly tenantId: string;
  sendLookups(requests: readonly ClaimedRequest[]): boolean;
  /**
   * False while the transport cannot take more now — a slow client whose socket buffer is
   * saturated. Delivery skips it; the sweep's re-announcement retries once it drained.
   */
  canSend?(): boolean;
}
