import {
  validationStatuses,
  type DaySummary,
  type MetricsSummary,
  type ValidationStatus,
} from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { requireTenant } from '../tenants/tenant-service.ts';
import {
  latencySql,
  pendingSql,
  sessionSpansSql,
  statusCountsSql,
  summaryTimeZone,
  windowSql,
  type LatencyRow,
  type SessionSpanRow,
  type StatusCountRow,
  type WindowRow,
} from './metrics-summary-sql.ts';
import { offlinePeriods } from './offline-periods.ts';

export const maxSummaryDays = 90;
/** The most recent offline periods returned. */
const maxOfflinePeriods = 50;

const zeroCounts = () =>
  Object.fromEntries(validationStatuses.map((status) => [status, 0])) as Record<
    ValidationStatus,
    number
  >;

const emptyDay = (dia: string): DaySummary => ({
  dia,
  porEstado: zeroCounts(),
  respondidas: 0,
  bajoUnSegundo: 0,
  p50Ms: null,
  p95Ms: null,
});

/** `count` consecutive calendar days from `first` (`YYYY-MM-DD`). */
function calendarDays(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

/** The dashboard's figures for the last `days` days of one tenant. */
export async function metricsSummary(
  db: Queryable,
  tenantId: string,
  days: number,
): Promise<MetricsSummary> {
  await requireTenant(db, tenantId);
  const [window] = await db.query<WindowRow>(windowSql, [tenantId, days, summaryTimeZone]);
  if (!window) throw new Error('metrics window query returned no row');
  const params = [tenantId, summaryTimeZone, window.window_start];
  const [counts, latencies, [pending], spans] = await Promise.all([
    db.query<StatusCountRow>(statusCountsSql, params),
    db.query<LatencyRow>(latencySql, params),
    db.query<{ pending: number }>(pendingSql, [tenantId]),
    db.query<SessionSpanRow>(sessionSpansSql, [tenantId, window.window_start]),
  ]);

  const byDay = new Map<string, DaySummary>(
    calendarDays(window.first_day, days).map((dia) => [dia, emptyDay(dia)]),
  );
  for (const row of counts) {
    const day = byDay.get(row.day);
    if (day && row.status in day.porEstado)
      day.porEstado[row.status as ValidationStatus] = row.count;
  }
  for (const row of latencies) {
    const day = byDay.get(row.day);
    if (!day) continue;
    Object.assign(day, {
      respondidas: row.answered,
      bajoUnSegundo: row.under_one_second,
      p50Ms: row.p50_ms,
      p95Ms: row.p95_ms,
    });
  }
  const dias = [...byDay.values()];
  const respondidas = dias.reduce((sum, day) => sum + day.respondidas, 0);
  const bajoUnSegundo = dias.reduce((sum, day) => sum + day.bajoUnSegundo, 0);

  const from =
    window.tenant_created_at > window.window_start ? window.tenant_created_at : window.window_start;
  const offline = offlinePeriods(
    spans.map((span) => ({ from: span.connected_at, to: span.until })),
    { from, to: window.now },
  ).slice(-maxOfflinePeriods);

  return {
    zonaHoraria: summaryTimeZone,
    desde: window.window_start.toISOString(),
    hasta: window.now.toISOString(),
    dias,
    bajoUnSegundo: {
      respondidas,
      bajoUnSegundo,
      proporcion: respondidas === 0 ? null : bajoUnSegundo / respondidas,
    },
    pendientes: pending?.pending ?? 0,
    sinConexion: offline.map((period) => ({
      desde: period.from.toISOString(),
      hasta: period.to.toISOString(),
      duracionMs: period.to.getTime() - period.from.getTime(),
    })),
  };
}
