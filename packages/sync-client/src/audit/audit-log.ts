import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { genesisHash, sealLine, type AuditLine, type AuditRecord } from './audit-entry.ts';
import {
  auditFiles,
  readHead,
  readLines,
  rotate,
  writeHead,
  type AuditHead,
} from './audit-files.ts';

export interface AuditLogOptions {
  path: string;
  maxBytes: number;
  keepFiles: number;
  now?: () => Date;
}

/** The last line of the newest file that has one, to resume the chain without a head file. */
function lastLine(path: string, keepFiles: number): AuditLine | undefined {
  for (const file of auditFiles(path, keepFiles).reverse()) {
    const line = readLines(file).at(-1);
    if (line !== undefined) return JSON.parse(line) as AuditLine;
  }
  return undefined;
}

function firstSeq(path: string, keepFiles: number): number {
  for (const file of auditFiles(path, keepFiles)) {
    const line = readLines(file)[0];
    if (line !== undefined) return (JSON.parse(line) as AuditLine).seq;
  }
  return 1;
}

/**
 * The local audit log: append-only JSON lines, one per executed lookup or named query, each
 * carrying the hash of the line before it. Writes are synchronous so lines keep their order
 * and are on disk before the answer leaves. Rotates by size, keeping `keepFiles` old files.
 */
export class AuditLog {
  readonly #options: AuditLogOptions;
  #head: AuditHead;

  constructor(options: AuditLogOptions) {
    this.#options = options;
    mkdirSync(dirname(options.path), { recursive: true });
    const last = lastLine(options.path, options.keepFiles);
    const head = readHead(options.path);
    this.#head = last
      ? {
          firstSeq: head?.firstSeq ?? firstSeq(options.path, options.keepFiles),
          lastSeq: last.seq,
          lastHash: last.hash,
        }
      : { firstSeq: 1, lastSeq: 0, lastHash: genesisHash };
    // A crash between the line and its head leaves the head one line behind: catch it up.
    if (head && last && head.lastSeq === last.seq - 1 && head.lastHash === last.prev) {
      writeHead(options.path, this.#head);
    }
  }

  append(record: AuditRecord): AuditLine {
    const { path, maxBytes, keepFiles, now = () => new Date() } = this.#options;
    const line = sealLine(record, this.#head.lastSeq + 1, now(), this.#head.lastHash);
    const text = `${JSON.stringify(line)}\n`;
    if (this.#size() > 0 && this.#size() + Buffer.byteLength(text) > maxBytes) {
      rotate(path, keepFiles);
      this.#head.firstSeq = firstSeq(path, keepFiles);
    }
    appendFileSync(path, text, { mode: 0o600 });
    this.#head = { firstSeq: this.#head.firstSeq, lastSeq: line.seq, lastHash: line.hash };
    writeHead(path, this.#head);
    return line;
  }

  #size(): number {
    try {
      return statSync(this.#options.path).size;
    } catch {
      return 0;
    }
  }
}
