import { useState } from 'react';
import { useMetricsSummary } from '../api/metrics.ts';
import { PageHeader } from '../components/page-header.tsx';
import { QueryView } from '../components/states.tsx';
import { MetricsDashboard } from './metrics/metrics-dashboard.tsx';

const periods = [7, 14, 30, 90] as const;

export function MetricsPage() {
  const [days, setDays] = useState<number>(14);
  const summary = useMetricsSummary(days);
  return (
    <>
      <PageHeader
        title="Métricas"
        description="Validaciones, tiempos de respuesta y disponibilidad de los sync-clients."
        actions={
          <label className="flex items-center gap-2 text-sm text-slate-700">
            Período
            <select
              value={days}
              onChange={(event) => setDays(Number(event.target.value))}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              {periods.map((period) => (
                <option key={period} value={period}>
                  Últimos {period} días
                </option>
              ))}
            </select>
          </label>
        }
      />
      <QueryView query={summary} loading="Calculando métricas…">
        {(data) => <MetricsDashboard summary={data} />}
      </QueryView>
    </>
  );
}
