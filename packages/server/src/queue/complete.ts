import type { ErrorCode, ValidationStatus, Verdict } from '@cotejo/protocol';
import type { Db } from '../db/db.ts';

export type Outcome =
  | {
      kind: 'verdict';
      verdict: Verdict;
      localRows: unknown[];
      lookup: string | undefined;
    }
  | { kind: 'error'; error: { code: ErrorCode; message: string } };

/**
 * Records the outcome of an open request of `tenantId`, once. Returns the stored status, or
 * null when the request is not open (already completed, or not this tenant's): the first
 * result wins and later ones change nothing.
 */
export async function complete(
  db: Db,
  request: { id: string; tenantId: string; sessionId: string; outcome: Outcome },
): Promise<ValidationStatus | null> {
  const { id, tenantId, sessionId, outcome } = request;
  const status: ValidationStatus = outcome.kind === 'verdict' ? outcome.verdict.status : 'ERROR';
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `update validation_requests
       set state = $4::text, status = $5::text, error = $6::jsonb, agent_session_id = $3::uuid,
           completed_at = now(), lease_expires_at = null
       where id = $1::uuid and tenant_id = $2::uuid and state in ('queued', 'delivered')
       returning id`,
      [
        id,
        tenantId,
        sessionId,
        outcome.kind === 'verdict' ? 'completed' : 'failed',
        status,
        outcome.kind === 'error' ? JSON.stringify(outcome.error) : null,
      ],
    );
    if (!row) return null;
    if (outcome.kind === 'verdict') {
      await tx.query(
        `insert into verdicts (request_id, tenant_id, status, verdict, local_rows, lookup,
                               agent_session_id)
         values ($1::uuid, $2::uuid, $3::text, $4::jsonb, $5::jsonb, $6::text, $7::uuid)`,
        [
          id,
          tenantId,
          status,
          JSON.stringify(outcome.verdict),
          JSON.stringify(outcome.localRows),
          outcome.lookup ?? null,
          sessionId,
        ],
      );
    }
    return status;
  });
}
