import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.ts';

/**
 * While a server owns the embedded database under DATA_DIR it writes `server.json`
 * ({url, pid}) and `admin.secret` (mode 0600) there, so the admin CLI goes through it.
 */
export const serverFileName = 'server.json';
export const adminSecretFileName = 'admin.secret';

export interface ServerFile {
  url: string;
  pid: number;
}

export async function writeServerFiles(dataDir: string, file: ServerFile, secret: string) {
  const secretPath = join(dataDir, adminSecretFileName);
  await writeFile(secretPath, `${secret}\n`, { mode: 0o600 });
  await chmod(secretPath, 0o600);
  await writeFile(join(dataDir, serverFileName), `${JSON.stringify(file)}\n`, { mode: 0o600 });
}

export async function removeServerFiles(dataDir: string): Promise<void> {
  await rm(join(dataDir, serverFileName), { force: true });
  await rm(join(dataDir, adminSecretFileName), { force: true });
}

/** The running server of this DATA_DIR with its admin secret, or null (none, or stale file). */
export async function findRunningServer(
  dataDir: string,
): Promise<{ url: string; secret: string } | null> {
  let file: ServerFile;
  try {
    file = JSON.parse(await readFile(join(dataDir, serverFileName), 'utf8')) as ServerFile;
  } catch {
    return null;
  }
  if (typeof file.url !== 'string' || !Number.isInteger(file.pid) || !isProcessAlive(file.pid)) {
    return null;
  }
  const secret = (await readFile(join(dataDir, adminSecretFileName), 'utf8')).trim();
  return { url: file.url, secret };
}
