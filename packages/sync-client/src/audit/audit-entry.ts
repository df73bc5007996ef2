import { createHash } from 'node:crypto';
import type { ErrorCode, RpcId } from '@cotejo/protocol';

export type AuditValue = string | number | boolean | null;

/** One executed lookup or named query, as the caller reports it. */
export interface AuditRecord {
  requestId: RpcId | null;
  kind: 'lookup' | 'query';
  /** The lookup that answered (null when none had rows) or the named query. */
  name: string | null;
  params: Readonly<Record<string, AuditValue>>;
  rows: number | null;
  durationMs: number;
  outcome: 'ok' | ErrorCode;
}

/** One line of the audit file: the record, its place in the chain and its hash. */
export interface AuditLine extends AuditRecord {
  seq: number;
  time: string;
  /** The hash of the line before (across rotated files); 64 zeros for the very first. */
  prev: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);

/** The hashed text: fixed field order and sorted parameters, whatever JSON key order. */
function canonicalText(line: Omit<AuditLine, 'hash'>): string {
  const params = Object.keys(line.params)
    .sort()
    .map((key) => [key, line.params[key] ?? null]);
  return JSON.stringify([
    line.seq,
    line.time,
    line.prev,
    line.requestId,
    line.kind,
    line.name,
    params,
    line.rows,
    line.durationMs,
    line.outcome,
  ]);
}

export function lineHash(line: Omit<AuditLine, 'hash'>): string {
  return createHash('sha256').update(canonicalText(line)).digest('hex');
}

export function sealLine(record: AuditRecord, seq: number, time: Date, prev: string): AuditLine {
  const unsealed = {
    seq,
    time: time.toISOString(),
    prev,
    requestId: record.requestId,
    kind: record.kind,
    name: record.name,
    params: record.params,
    rows: record.rows,
    durationMs: Math.round(record.durationMs),
    outcome: record.outcome,
  };
  return { ...unsealed, hash: lineHash(unsealed) };
}
