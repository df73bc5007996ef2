import { credentialKinds, type CredentialKind } from './credential-kinds.ts';

/** Table names come from `credentialKinds`, never from input. */
const table = (kind: CredentialKind) => credentialKinds[kind].table;

export interface CredentialRow {
  id: string;
  tenant_id: string;
  revoked: boolean;
}

export const insertCredentialSql = (kind: CredentialKind) => `
  insert into ${table(kind)} (id, tenant_id, secret_hash)
  values ($1::uuid, $2::uuid, $3::text)`;

export const findCredentialByHashSql = (kind: CredentialKind) => `
  select id, tenant_id, (revoked_at is not null) as revoked
  from ${table(kind)} where secret_hash = $1::text`;

/** `$1` is the credential id (uuid text or null), `$2` the hash of the secret (or null). */
export const revokeCredentialSql = (kind: CredentialKind) => `
  update ${table(kind)} set revoked_at = coalesce(revoked_at, now())
  where id = $1::uuid or secret_hash = $2::text
  returning id, tenant_id, true as revoked`;
