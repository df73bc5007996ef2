import type { MetricsSummary } from '@cotejo/protocol';
import { useQuery } from '@tanstack/react-query';
import { api } from './http.ts';

export type { MetricsSummary };

export const metricsKey = ['metricas'] as const;

export function useMetricsSummary(days: number) {
  return useQuery({
    queryKey: [...metricsKey, days],
    queryFn: ({ signal }) => api<MetricsSummary>(`/api/metricas/resumen?dias=${days}`, { signal }),
  });
}
