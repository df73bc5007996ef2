import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const tsxBin = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
export const cliMain = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one CLI command to its end (asynchronously: test servers live in this process). */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  command: readonly string[] = [tsxBin, cliMain],
): Promise<CliOutcome> {
  const [program = '', ...prefix] = command;
  const child = spawn(program, [...prefix, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
