import { readFileSync } from 'node:fs';

/** This process's soft limit of open files (Linux `/proc/self/limits`); children inherit it. */
export function openFilesLimit(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
  return match?.[1] === undefined || match[1] === 'unlimited' ? Infinity : Number(match[1]);
}

/** Stops the scenario early, saying what to do, when `sockets` would not fit. */
export function requireOpenFiles(sockets: number): void {
  const needed = sockets + 1000;
  const limit = openFilesLimit();
  if (limit < needed) {
    throw new Error(
      `El límite de archivos abiertos (${limit}) no alcanza para ${sockets} conexiones: ` +
        `ejecute "ulimit -n ${needed}" antes de "npm run bench" o use BENCH_CONNECTIONS más chico.`,
    );
  }
}
