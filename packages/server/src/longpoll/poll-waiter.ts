import type { RpcRequest } from '@cotejo/protocol';
import type { AgentChannel } from '../agents/agent-channel.ts';
import { lookupFrame } from '../delivery/lookup-frame.ts';
import type { ClaimedRequest } from '../queue/claim.ts';

/**
 * A long-poll request waiting for work: a channel that takes one batch and then leaves.
 * `settle([])` ends it empty (time up, client gone, shutdown); after that it refuses batches,
 * so the delivery returns them to the queue instead of losing them.
 */
export class PollWaiter implements AgentChannel {
  readonly done: Promise<RpcRequest[]>;
  #resolve: (requests: RpcRequest[]) => void = () => undefined;
  #settled = false;

  constructor(
    readonly sessionId: string,
    readonly tenantId: string,
    private readonly onSettled: (waiter: PollWaiter) => void,
  ) {
    this.done = new Promise((resolve) => (this.#resolve = resolve));
  }

  get settled(): boolean {
    return this.#settled;
  }

  sendLookups(requests: readonly ClaimedRequest[]): boolean {
    if (this.#settled) return false;
    this.settle(requests.map(lookupFrame));
    return true;
  }

  settle(requests: RpcRequest[]): void {
    if (this.#settled) return;
    this.#settled = true;
    this.onSettled(this);
    this.#resolve(requests);
  }
}
