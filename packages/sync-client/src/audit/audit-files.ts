import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * The files of one audit log: `<path>` (current), `<path>.1` … `<path>.<keep>` (rotated, 1
 * newest) and `<path>.head`, which records where the chain starts and ends so that lines
 * removed at either end are noticed too.
 */
export interface AuditHead {
  firstSeq: number;
  lastSeq: number;
  lastHash: string;
}

export const headPath = (path: string) => `${path}.head`;
export const rotatedPath = (path: string, index: number) => `${path}.${index}`;

/** Existing files, oldest first, the current one last. */
export function auditFiles(path: string, keepFiles: number): string[] {
  const files: string[] = [];
  for (let index = keepFiles; index >= 1; index -= 1) {
    if (existsSync(rotatedPath(path, index))) files.push(rotatedPath(path, index));
  }
  if (existsSync(path)) files.push(path);
  return files;
}

export function readHead(path: string): AuditHead | undefined {
  try {
    return JSON.parse(readFileSync(headPath(path), 'utf8')) as AuditHead;
  } catch {
    return undefined;
  }
}

export function writeHead(path: string, head: AuditHead): void {
  writeFileSync(headPath(path), `${JSON.stringify(head)}\n`, { mode: 0o600 });
}

export function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

/** Shifts `<path>` → `.1` → `.2` …; the file past `keepFiles` is deleted. */
export function rotate(path: string, keepFiles: number): void {
  rmSync(rotatedPath(path, keepFiles), { force: true });
  for (let index = keepFiles - 1; index >= 1; index -= 1) {
    if (existsSync(rotatedPath(path, index))) {
      renameSync(rotatedPath(path, index), rotatedPath(path, index + 1));
    }
  }
  renameSync(path, rotatedPath(path, 1));
}
