import { ConfigError, loadConfig } from '../config.ts';
import { runAdminCli } from './admin-cli.ts';

/** `npm run admin -- <command>`: see `usage` in cli-args.ts. */
try {
  const config = loadConfig(process.env);
  process.exitCode = await runAdminCli(process.argv.slice(2), config, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
