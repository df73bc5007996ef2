import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';

/** Failed attempts allowed within `windowMs`, per email and per remote address. */
export const loginLimits = {
  windowMs: 15 * 60_000,
  failuresPerEmail: 5,
  failuresPerAddress: 30,
} as const;

export interface LoginAttempt {
  email: string;
  remoteAddress: string;
}

/** Failures in the window and the seconds until the oldest of them leaves it. */
const recentFailuresSql = (column: 'email' | 'remote_address') => `
  select count(*)::int as failures,
         ceil(extract(epoch from
           min(attempted_at) + $2::int * interval '1 millisecond' - now()))::int as retry_after_s
  from login_attempts
  where ${column} = $1::text and not succeeded
    and attempted_at > now() - $2::int * interval '1 millisecond'`;

/**
 * Seconds to wait before another attempt for this email or from this address, or null when
 * one is allowed now. Window-based: the oldest failure in the window frees a slot as it ages out.
 */
export async function loginRetryAfterSeconds(
  db: Queryable,
  attempt: LoginAttempt,
): Promise<number | null> {
  const checks: { column: 'email' | 'remote_address'; value: string; limit: number }[] = [
    { column: 'email', value: attempt.email, limit: loginLimits.failuresPerEmail },
    {
      column: 'remote_address',
      value: attempt.remoteAddress,
      limit: loginLimits.failuresPerAddress,
    },
  ];
  let wait: number | null = null;
  for (const check of checks) {
    const [row] = await db.query<{ failures: number; retry_after_s: number | null }>(
      recentFailuresSql(check.column),
      [check.value, loginLimits.windowMs],
    );
    if (row && row.failures >= check.limit) {
      wait = Math.max(wait ?? 1, row.retry_after_s ?? 1, 1);
    }
  }
  return wait;
}

/** Records the attempt, and forgets this email's and address's attempts older than a day. */
export async function recordLoginAttempt(
  db: Queryable,
  attempt: LoginAttempt & { succeeded: boolean },
): Promise<void> {
  await db.query(
    `insert into login_attempts (id, email, remote_address, succeeded, attempted_at)
     values ($1::uuid, $2::text, $3::text, $4::boolean, now())`,
    [newId(), attempt.email, attempt.remoteAddress, attempt.succeeded],
  );
  await db.query(
    `delete from login_attempts
     where (email = $1::text or remote_address = $2::text)
       and attempted_at < now() - interval '1 day'`,
    [attempt.email, attempt.remoteAddress],
  );
}
