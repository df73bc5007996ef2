import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { buildBundle } from './build-bundle.ts';

/** The fuse Node looks for to know a blob was injected (Node's SEA documentation). */
const seaFuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * A Node single executable application for this platform (Linux in CI): the bundle, turned
 * into a SEA blob by the running `node`, injected into a copy of that same `node` binary with
 * postject. Nothing is downloaded.
 */
export async function buildExecutable(folder: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const bundle = join(folder, 'cotejo-sync-client.cjs');
  const blob = join(folder, 'cotejo-sync-client.blob');
  const executable = join(
    folder,
    process.platform === 'win32' ? 'cotejo-sync-client.exe' : 'cotejo-sync-client',
  );
  await buildBundle(bundle);
  const seaConfig = join(folder, 'sea-config.json');
  writeFileSync(
    seaConfig,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true }),
  );
  execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: 'ignore' });
  copyFileSync(process.execPath, executable);
  chmodSync(executable, 0o755);
  const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
  execFileSync(
    process.execPath,
    [postject, executable, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', seaFuse],
    {
      stdio: 'ignore',
    },
  );
  return executable;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const folder = resolve(
    process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..', 'dist'),
  );
  console.log(`ejecutable: ${await buildExecutable(folder)}`);
}
