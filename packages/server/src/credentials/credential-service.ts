import { AppError } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { isUuid, newId } from '../ids.ts';
import { requireTenant } from '../tenants/tenant-service.ts';
import { credentialKinds, type CredentialKind } from './credential-kinds.ts';
import {
  findCredentialByHashSql,
  insertCredentialSql,
  revokeCredentialSql,
  type CredentialRow,
} from './credential-sql.ts';
import { generateSecret, hashSecret } from './secret.ts';

export interface IssuedCredential {
  id: string;
  tenantId: string;
  /** The secret itself: shown once, never stored. */
  secret: string;
}

export interface Principal {
  credentialId: string;
  tenantId: string;
}

export async function issueCredential(
  db: Queryable,
  kind: CredentialKind,
  tenantId: string,
): Promise<IssuedCredential> {
  await requireTenant(db, tenantId);
  const id = newId();
  const secret = generateSecret(credentialKinds[kind].prefix);
  await db.query(insertCredentialSql(kind), [id, tenantId, hashSecret(secret)]);
  return { id, tenantId, secret };
}

/** Revokes by credential id or by the secret itself; revoking twice is harmless. */
export async function revokeCredential(
  db: Queryable,
  kind: CredentialKind,
  idOrSecret: string,
): Promise<{ id: string; tenantId: string }> {
  const value = idOrSecret.trim();
  const id = isUuid(value) ? value : null;
  const hash = value.startsWith(credentialKinds[kind].prefix) ? hashSecret(value) : null;
  const [row] =
    id === null && hash === null
      ? []
      : await db.query<CredentialRow>(revokeCredentialSql(kind), [id, hash]);
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `No existe esa ${credentialKinds[kind].label}: indique el id que mostró "create" o el secreto.`,
    );
  }
  return { id: row.id, tenantId: row.tenant_id };
}

/** Who presents this secret; UNAUTHORIZED when unknown, KEY_REVOKED when revoked. */
export async function authenticate(
  db: Queryable,
  kind: CredentialKind,
  secret: string | null,
): Promise<Principal> {
  const { label, prefix, revokedMessage } = credentialKinds[kind];
  const [row] =
    secret !== null && secret.startsWith(prefix)
      ? await db.query<CredentialRow>(findCredentialByHashSql(kind), [hashSecret(secret)])
      : [];
  if (!row) {
    throw new AppError(
      'UNAUTHORIZED',
      `Falta o no es válida la ${label}: envíe "Authorization: Bearer ${prefix}…" con una ${label} vigente.`,
    );
  }
  if (row.revoked) throw new AppError('KEY_REVOKED', revokedMessage);
  return { credentialId: row.id, tenantId: row.tenant_id };
}
