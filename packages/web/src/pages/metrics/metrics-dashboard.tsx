import type { MetricsSummary } from '../../api/metrics.ts';
import { LineChart } from '../../components/line-chart.tsx';
import { Card } from '../../components/page-header.tsx';
import { StackedBarChart } from '../../components/stacked-bar-chart.tsx';
import { Empty } from '../../components/states.tsx';
import { formatDateTime, formatDay, formatDuration, formatPercent } from '../../format/es-ar.ts';
import { statuses, statusLabel, statusStyle } from '../../format/status.ts';
import { DaysTable } from './days-table.tsx';
import { Stat } from './stat.tsx';

export function MetricsDashboard({ summary }: { summary: MetricsSummary }) {
  const offlineMs = summary.sinConexion.reduce((sum, period) => sum + period.duracionMs, 0);
  const total = summary.dias.reduce(
    (sum, day) => sum + statuses.reduce((inner, status) => inner + day.porEstado[status], 0),
    0,
  );
  const categories = summary.dias.map((day) => ({ label: formatDay(day.dia), day }));

  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Validaciones" value={total.toLocaleString('es-AR')} />
        <Stat
          label="Respondidas en menos de 1 s"
          value={formatPercent(summary.bajoUnSegundo.proporcion)}
          detail={`${summary.bajoUnSegundo.bajoUnSegundo} de ${summary.bajoUnSegundo.respondidas} respondidas`}
        />
        <Stat
          label="En cola ahora"
          value={summary.pendientes.toLocaleString('es-AR')}
          detail="Esperando un sync-client o en curso"
        />
        <Stat
          label="Sin sync-client en línea"
          value={formatDuration(offlineMs)}
          detail={`${summary.sinConexion.length} período(s) en el lapso`}
        />
      </dl>

      <Card title="Validaciones por día y estado">
        {total === 0 ? (
          <Empty title="No hubo validaciones en este período." />
        ) : (
          <StackedBarChart
            title="Validaciones por día, apiladas por estado"
            series={statuses.map((status) => ({
              key: status,
              label: statusLabel[status],
              color: statusStyle[status].chart,
            }))}
            categories={categories.map(({ label, day }) => ({ label, values: day.porEstado }))}
          />
        )}
      </Card>

      <Card title="Tiempo de respuesta (subida → veredicto)">
        {summary.bajoUnSegundo.respondidas === 0 ? (
          <Empty title="Todavía no hay validaciones respondidas en este período." />
        ) : (
          <LineChart
            title="Mediana (p50) y percentil 95 del tiempo de respuesta por día"
            formatValue={formatDuration}
            series={[
              { key: 'p50', label: 'Mediana (p50)', color: '#0f766e' },
              { key: 'p95', label: 'Percentil 95', color: '#b45309', dashed: true },
            ]}
            categories={categories.map(({ label, day }) => ({
              label,
              values: { p50: day.p50Ms, p95: day.p95Ms },
            }))}
          />
        )}
      </Card>

      <Card title="Períodos sin sync-client en línea">
        {summary.sinConexion.length === 0 ? (
          <Empty title="Siempre hubo un sync-client en línea en este período." />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {[...summary.sinConexion].reverse().map((period) => (
              <li key={period.desde} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {formatDateTime(period.desde)} → {formatDateTime(period.hasta)}
                </span>
                <span className="font-medium">{formatDuration(period.duracionMs)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <DaysTable summary={summary} />
    </div>
  );
}
