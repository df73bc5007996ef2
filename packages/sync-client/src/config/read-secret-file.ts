import { readFileSync, statSync } from 'node:fs';

/**
 * A password kept in a file beside the config: it must be readable by its owner only
 * (chmod 600) on POSIX systems; on Windows the folder's ACL is what protects it (see
 * docs/install-windows.md). Returns the first line, or a Spanish reason.
 */
export function readSecretFile(
  path: string,
  platform: NodeJS.Platform = process.platform,
): { ok: true; secret: string } | { ok: false; reason: string } {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return { ok: false, reason: `el archivo ${path} no existe o no se puede leer` };
  }
  if (platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8);
    return {
      ok: false,
      reason: `el archivo ${path} tiene permisos ${octal}: sólo su dueño debe poder leerlo (chmod 600 ${path})`,
    };
  }
  const secret = readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
  if (secret === '') return { ok: false, reason: `el archivo ${path} está vacío` };
  return { ok: true, secret };
}
