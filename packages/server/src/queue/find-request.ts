import type { Queryable } from '../db/db.ts';
import { isUuid } from '../ids.ts';
import { validationRequestColumns, type ValidationRequestRow } from './validation-request.ts';

/** The tenant's request with this id, or null (unknown id, or another tenant's). */
export async function findRequest(
  db: Queryable,
  tenantId: string,
  id: unknown,
): Promise<ValidationRequestRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.query<ValidationRequestRow>(
    `select ${validationRequestColumns} from validation_requests r
     where r.id = $1::uuid and r.tenant_id = $2::uuid`,
    [id, tenantId],
  );
  return row ?? null;
}
