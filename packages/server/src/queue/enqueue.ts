import type { CanonicalInvoice } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';

/** Adds one validation request to the queue; returns its unguessable id. */
export async function enqueue(
  db: Queryable,
  request: { tenantId: string; invoice: CanonicalInvoice; ttlMs: number },
): Promise<string> {
  const id = newId();
  await db.query(
    `insert into validation_requests (id, tenant_id, invoice, expires_at)
     values ($1::uuid, $2::uuid, $3::jsonb, now() + $4::int * interval '1 millisecond')`,
    [id, request.tenantId, JSON.stringify(request.invoice), request.ttlMs],
  );
  return id;
}
