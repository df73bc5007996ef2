/** Days are counted in Argentina's time zone: the accountants' calendar. */
export const summaryTimeZone = 'America/Argentina/Buenos_Aires';

export interface StatusCountRow {
  day: string;
  status: string;
  count: number;
}

/** `$1` tenant, `$2` time zone, `$3` window start. */
export const statusCountsSql = `
  select (created_at at time zone $2::text)::date::text as day, status, count(*)::int as count
  from validation_requests
  where tenant_id = $1::uuid and created_at >= $3::timestamptz
  group by 1, 2
  order by 1, 2`;

export interface LatencyRow {
  day: string;
  answered: number;
  under_one_second: number;
  p50_ms: number | null;
  p95_ms: number | null;
}

/** Upload-to-verdict times of the requests the sync-client answered, per day. */
export const latencySql = `
  select (created_at at time zone $2::text)::date::text as day,
         count(*)::int as answered,
         (count(*) filter (where completed_at - created_at < interval '1 second'))::int
           as under_one_second,
         round(percentile_cont(0.5) within group (
           order by extract(epoch from completed_at - created_at) * 1000))::int as p50_ms,
         round(percentile_cont(0.95) within group (
           order by extract(epoch from completed_at - created_at) * 1000))::int as p95_ms
  from validation_requests
  where tenant_id = $1::uuid and created_at >= $3::timestamptz and state = 'completed'
    and status in ('OK', 'DIFERENCIAS', 'NO_ENCONTRADO', 'DUPLICADO')
  group by 1
  order by 1`;

export const pendingSql = `
  select count(*)::int as pending
  from validation_requests
  where tenant_id = $1::uuid and state in ('queued', 'delivered')`;

export interface SessionSpanRow {
  connected_at: Date;
  until: Date;
}

/** Sessions overlapping the window (`$2` start), open ones until now. */
export const sessionSpansSql = `
  select connected_at, coalesce(disconnected_at, now()) as until
  from agent_sessions
  where tenant_id = $1::uuid and (disconnected_at is null or disconnected_at > $2::timestamptz)
  order by connected_at
  limit 10000`;

export interface WindowRow {
  now: Date;
  first_day: string;
  window_start: Date;
  tenant_created_at: Date;
}

/** The last `$2` days in `$3`'s calendar, today included: first day and its start instant. */
export const windowSql = `
  with bounds as (
    select ((now() at time zone $3::text)::date - ($2::int - 1)) as first_day
  )
  select now() as now, b.first_day::text as first_day,
         (b.first_day::timestamp at time zone $3::text) as window_start,
         t.created_at as tenant_created_at
  from bounds b, tenants t
  where t.id = $1::uuid`;
