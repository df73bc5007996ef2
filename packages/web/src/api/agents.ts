import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentKeyView, AgentsOverview, SyncClientView } from '@cotejo/protocol';
import { api } from './http.ts';

export type { AgentKeyView as AgentKey, AgentsOverview, SyncClientView as SyncClient };

export const agentsKey = ['agentes'] as const;

export function useAgents() {
  return useQuery({
    queryKey: agentsKey,
    queryFn: ({ signal }) => api<AgentsOverview>('/api/agentes', { signal }),
  });
}

export function useCreateKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ id: string; clave: string }>('/api/agentes/claves', { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: agentsKey }),
  });
}

export function useRevokeKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ id: string }>(`/api/agentes/claves/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: agentsKey }),
  });
}
