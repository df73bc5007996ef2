export interface ChannelLoad {
  sessionId: string;
  /** Requests it holds now. */
  inFlight: number;
}

/**
 * The order in which the next requests go to channels: each to the one holding the fewest
 * (ties: the earlier in `channels`, i.e. the oldest connection), never beyond `cap` each, at
 * most `limit` in all. Returns session ids, one per request.
 */
export function planByLeastInFlight(
  channels: readonly ChannelLoad[],
  cap: number,
  limit: number,
): string[] {
  const loads = channels.map((channel) => ({ ...channel }));
  const plan: string[] = [];
  while (plan.length < limit) {
    let least: ChannelLoad | undefined;
    for (const channel of loads) {
      if (channel.inFlight < cap && (!least || channel.inFlight < least.inFlight)) least = channel;
    }
    if (!least) break;
    plan.push(least.sessionId);
    least.inFlight += 1;
  }
  return plan;
}
