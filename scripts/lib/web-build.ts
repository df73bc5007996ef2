import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './logged-process.ts';

const webRoot = join(repoRoot, 'packages/web');
export const webDist = join(webRoot, 'dist');

/** The newest modification time under `path` (files only). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** True when `packages/web/dist` is missing or older than the app's sources. */
export function webBuildIsStale(): boolean {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']
    .map((entry) => join(webRoot, entry))
    .filter((path) => existsSync(path));
  return Math.max(...sources.map(newest)) > statSync(index).mtimeMs;
}

/**
 * Builds the web app with Vite when needed (`npm start` serves it). Builds into a fresh folder
 * and swaps it in, so that a server or a concurrent start never sees a half-written `dist`.
 */
export function ensureWebBuild(log: (line: string) => void = () => undefined): void {
  if (!webBuildIsStale()) return;
  log('Compilando la aplicación web (packages/web)…');
  const fresh = `${webDist}.build-${process.pid}`;
  const old = `${webDist}.old-${process.pid}`;
  execFileSync('npx', ['vite', 'build', '--outDir', fresh, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: webRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (existsSync(webDist)) renameSync(webDist, old);
  renameSync(fresh, webDist);
  rmSync(old, { recursive: true, force: true });
}
