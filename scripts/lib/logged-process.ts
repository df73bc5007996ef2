import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type LogLine = Record<string, unknown>;

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const tsxBin = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** A child process whose pino JSON lines on stdout can be awaited. */
export class LoggedProcess {
  readonly child: ChildProcess;
  readonly lines: LogLine[] = [];
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  private waiters = new Set<() => void>();

  constructor(
    command: string,
    args: string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean } = {},
  ) {
    this.child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.output.push(line);
        if (options.echo) process.stderr.write(`${line}\n`);
        try {
          const parsed: unknown = JSON.parse(line);
          if (parsed && typeof parsed === 'object') this.lines.push(parsed as LogLine);
        } catch {
          // not a log line; kept in `output`
        }
        for (const wake of this.waiters) wake();
      });
    }
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    void this.exited.then(() => {
      for (const wake of this.waiters) wake();
    });
  }

  /** Resolves with the first log line (already seen or to come) that satisfies `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    return this.waitFor(() => this.lines.find(predicate), timeoutMs);
  }

  /** Resolves with the first output line, JSON or not, that matches `pattern`. */
  waitForText(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    return this.waitFor(() => this.output.find((line) => pattern.test(line)), timeoutMs);
  }

  private waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found !== undefined) return finish(() => resolve(found));
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          finish(() => reject(new Error(`process exited:\n${this.output.slice(-20).join('\n')}`)));
        }
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timed out:\n${this.output.slice(-20).join('\n')}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Sends `signal` and waits for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/**
 * Runs a TypeScript entry point of the repository with tsx. `direct` runs it in one process
 * (`node --import tsx`) instead of under the tsx launcher, so that a signal — kill -9 in
 * particular — reaches the program itself.
 */
export function startTs(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { direct?: boolean } = {},
): LoggedProcess {
  if (options.direct) {
    return new LoggedProcess(process.execPath, ['--import', 'tsx', entry, ...args], { env });
  }
  return new LoggedProcess(tsxBin, [entry, ...args], { env });
}
