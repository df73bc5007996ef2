import { randomBytes } from 'node:crypto';
import { AppError } from '@cotejo/protocol';
import type { Config } from '../config.ts';
import type { AdminService } from './admin-service.ts';
import { CliUsageError, parseCliArgs, usage, type CliCommand } from './cli-args.ts';
import { openAdmin } from './open-admin.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const onceNote = 'Guárdelo ahora: no se volverá a mostrar.';

/** Runs one admin command; returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runAdminCli(
  argv: readonly string[],
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  io: CliIo,
): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.err(`${error.message}\n${usage}\n`);
    return 2;
  }
  let session;
  try {
    session = await openAdmin(config);
    const result = await execute(session.admin, command);
    io.out(command.json ? `${JSON.stringify(result.json)}\n` : `${result.text}\n`);
    return 0;
  } catch (error) {
    io.err(`${error instanceof AppError ? error.message : `Error: ${String(error)}`}\n`);
    return 1;
  } finally {
    await session?.close();
  }
}

async function execute(
  admin: AdminService,
  { name, values }: CliCommand,
): Promise<{ json: object; text: string }> {
  const value = (option: string) => values[option] ?? '';
  switch (name) {
    case 'tenant create': {
      const tenant = await admin.createTenant(value('name'));
      return { json: { id: tenant.id }, text: `Cliente "${tenant.name}" creado: ${tenant.id}` };
    }
    case 'tenant list': {
      const tenants = await admin.listTenants();
      const lines = tenants.map((t) => `${t.id}  ${t.createdAt}  ${t.name}`);
      return { json: { tenants }, text: lines.length > 0 ? lines.join('\n') : 'No hay clientes.' };
    }
    case 'key create': {
      const { id, key } = await admin.createAgentKey(value('tenant'));
      return {
        json: { id, key },
        text: `Clave del sync-client creada (id ${id}):\n  ${key}\n${onceNote}`,
      };
    }
    case 'token create': {
      const { id, token } = await admin.createApiToken(value('tenant'));
      return {
        json: { id, token },
        text: `Token de API creado (id ${id}):\n  ${token}\n${onceNote}`,
      };
    }
    case 'key revoke': {
      const { id } = await admin.revokeAgentKey(value('id'));
      return { json: { id, revoked: true }, text: `Clave ${id} revocada.` };
    }
    case 'token revoke': {
      const { id } = await admin.revokeApiToken(value('id'));
      return { json: { id, revoked: true }, text: `Token ${id} revocado.` };
    }
    case 'user create': {
      // Generated, never typed on a command line (shell history, process list).
      const password = randomBytes(12).toString('base64url');
      const user = await admin.createUser(value('tenant'), value('email'), password);
      return {
        json: { id: user.id, email: user.email, password },
        text: `Usuario ${user.email} creado (id ${user.id}). Contraseña:\n  ${password}\n${onceNote}`,
      };
    }
  }
}
