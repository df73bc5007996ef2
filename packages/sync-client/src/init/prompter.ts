import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Questions on a terminal, in Spanish; `null` when the input ended. */
export interface Prompter {
  ask(question: string, fallback?: string): Promise<string>;
  /** Without echo when the input is a terminal (passwords). */
  askHidden(question: string): Promise<string>;
  confirm(question: string, fallback: boolean): Promise<boolean>;
  say(line: string): void;
  close(): void;
}

type Input = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

export function createPrompter(input: Input, output: Writable): Prompter {
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let ended = false;
  let rl: Interface | undefined = createInterface({ input, terminal: false });
  rl.on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const waiter of waiting.splice(0)) waiter('');
  });
  const nextLine = (): Promise<string> => {
    const line = lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (ended) return Promise.resolve('');
    return new Promise((resolve) => waiting.push(resolve));
  };

  const prompter: Prompter = {
    async ask(question, fallback) {
      output.write(`${question}${fallback === undefined ? '' : ` [${fallback}]`}: `);
      const answer = (await nextLine()).trim();
      return answer === '' ? (fallback ?? '') : answer;
    },
    async askHidden(question) {
      // Echo goes off before the prompt shows: whatever is typed as soon as it appears stays hidden.
      const raw = input.isTTY === true && typeof input.setRawMode === 'function';
      if (raw) input.setRawMode?.(true);
      output.write(`${question}: `);
      const answer = await nextLine();
      if (raw) input.setRawMode?.(false);
      output.write('\n');
      return answer;
    },
    async confirm(question, fallback) {
      const answer = await prompter.ask(`${question} (${fallback ? 'S/n' : 's/N'})`);
      if (answer === '') return fallback;
      return /^(s|si|sí|y|yes)$/i.test(answer);
    },
    say(line) {
      output.write(`${line}\n`);
    },
    close() {
      rl?.close();
      rl = undefined;
    },
  };
  return prompter;
}
