/** How a sync-client session talks to the server, defined once (`agent_sessions.transport`). */
export const agentTransports = ['websocket', 'long-poll', 'legacy-ws', 'legacy-poll'] as const;
export type AgentTransport = (typeof agentTransports)[number];

/** Polling sessions hold no socket: any instance serves them and idleness ends them. */
export const pollingTransports: readonly AgentTransport[] = ['long-poll', 'legacy-poll'];
