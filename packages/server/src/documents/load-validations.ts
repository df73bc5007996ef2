import type { Queryable } from '../db/db.ts';
import {
  validationRequestColumns,
  type ValidationRequestRow,
} from '../queue/validation-request.ts';
import { toValidationView, type ValidationView } from '../validations/validation-view.ts';

/** The validations of several documents in one query, by request id. */
export async function loadValidations(
  db: Queryable,
  tenantId: string,
  requestIds: readonly string[],
): Promise<Map<string, ValidationView>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db.query<ValidationRequestRow>(
    `select ${validationRequestColumns} from validation_requests r
     where r.id = any($1::uuid[]) and r.tenant_id = $2::uuid`,
    [requestIds, tenantId],
  );
  return new Map(rows.map((row) => [row.id, toValidationView(row)]));
}
