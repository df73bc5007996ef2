import { AppError } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';
import { requireTenant } from '../tenants/tenant-service.ts';
import { hashPassword, maxPasswordLength, minPasswordLength } from './password.ts';
import { findUserByEmailSql, insertUserSql, type UserRow } from './user-sql.ts';

export interface User {
  id: string;
  tenantId: string;
  tenantName: string;
  email: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const maxEmailLength = 254;

/** Emails are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  tenantId: row.tenant_id,
  tenantName: row.tenant_name,
  email: row.email,
});

/** A person who logs in to the web app of `tenantId`; the password is stored as argon2id. */
export async function createUser(
  db: Queryable,
  input: { tenantId: string; email: string; password: string },
): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(input.email);
  if (!emailPattern.test(email) || email.length > maxEmailLength) {
    throw new AppError('BAD_REQUEST', `"${input.email}" no es un email válido.`);
  }
  if (input.password.length < minPasswordLength || input.password.length > maxPasswordLength) {
    throw new AppError(
      'BAD_REQUEST',
      `La contraseña debe tener entre ${minPasswordLength} y ${maxPasswordLength} caracteres.`,
    );
  }
  await requireTenant(db, input.tenantId);
  const id = newId();
  const rows = await db.query<{ id: string }>(insertUserSql, [
    id,
    input.tenantId,
    email,
    await hashPassword(input.password),
  ]);
  if (rows.length === 0) {
    throw new AppError('BAD_REQUEST', `Ya existe un usuario con el email ${email}.`);
  }
  return { id, email };
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(findUserByEmailSql, [normalizeEmail(email)]);
  return row;
}
