import type { MetricsSummary } from '../../api/metrics.ts';
import { formatDate, formatDuration } from '../../format/es-ar.ts';
import { statuses, statusLabel } from '../../format/status.ts';
import { TableHead } from '../../components/table-head.tsx';

const cell = 'px-2 py-1.5 text-right tabular-nums';

/** The charts' figures as a table (screen readers, exact numbers). */
export function DaysTable({ summary }: { summary: MetricsSummary }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-medium text-slate-800">Ver los datos por día</summary>
      <div className="mt-3 overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Validaciones y tiempos de respuesta por día</caption>
          <TableHead
            columns={[
              'Día',
              ...statuses.map((status) => ({ label: statusLabel[status], numeric: true })),
              { label: 'p50', numeric: true },
              { label: 'p95', numeric: true },
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {summary.dias.map((day) => (
              <tr key={day.dia}>
                <th scope="row" className="px-2 py-1.5 text-left font-normal">
                  {formatDate(day.dia)}
                </th>
                {statuses.map((status) => (
                  <td key={status} className={cell}>
                    {day.porEstado[status]}
                  </td>
                ))}
                <td className={cell}>{formatDuration(day.p50Ms)}</td>
                <td className={cell}>{formatDuration(day.p95Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
