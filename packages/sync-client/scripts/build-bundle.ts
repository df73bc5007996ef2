import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * The sync-client as one CommonJS file (`dist/cotejo-sync-client.cjs`), runnable with
 * `node dist/cotejo-sync-client.cjs` and the input of the single executable. better-sqlite3
 * stays outside: it is a native module (the bundle finds it in node_modules, the executable
 * does without SQLite). Everything else, drivers included, is inside.
 */
export async function buildBundle(outfile: string): Promise<void> {
  const result = await build({
    entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'pg-native'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The entry's own `#!… tsx` line gives way to plain node; ws is told not to look for its
  // optional native add-ons (a single executable can only require built-in modules).
  const prelude =
    "process.env.WS_NO_BUFFER_UTIL ??= '1'; process.env.WS_NO_UTF_8_VALIDATE ??= '1';";
  const code = (result.outputFiles[0]?.text ?? '')
    .replace(/^#!.*\n/, '')
    .replace(/^"use strict";\n/, `"use strict";\n${prelude}\n`);
  writeFileSync(outfile, `#!/usr/bin/env node\n${code}`, { mode: 0o755 });
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const outfile =
    process.argv[2] ?? new URL('../dist/cotejo-sync-client.cjs', import.meta.url).pathname;
  await buildBundle(outfile);
  console.log(`bundle: ${outfile}`);
}
