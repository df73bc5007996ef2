import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from './audit-entry.ts';
import { AuditLog } from './audit-log.ts';
import { verifyAudit } from './verify-audit.ts';

const record = (n: number): AuditRecord => ({
  requestId: `req-${n}`,
  kind: 'lookup',
  name: 'facturas',
  params: { cuit: '30712345675', numero: n },
  rows: 1,
  durationMs: 3,
  outcome: 'ok',
});

describe('audit log', () => {
  let folder: string;
  let path: string;
  const clock = () => new Date('2024-03-15T12:00:00Z');
  const lines = (file = path) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const rewrite = (change: (lines: string[]) => string[], file = path) =>
    writeFileSync(file, `${change(lines(file)).join('\n')}\n`);

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'cotejo-audit-'));
    path = join(folder, 'auditoria', 'cotejo-audit.jsonl');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const write = (count: number, maxBytes = 1024 * 1024, keepFiles = 10) => {
    const log = new AuditLog({ path, maxBytes, keepFiles, now: clock });
    for (let n = 1; n <= count; n += 1) log.append(record(n));
  };

  it('chains every line to the one before and verifies', () => {
    write(3);
    const [first, second] = lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ seq: 1, prev: '0'.repeat(64), requestId: 'req-1', rows: 1 });
    expect(second?.prev).toBe(first?.hash);
    expect(verifyAudit(path, 10)).toEqual({ ok: true, lines: 3, files: [path], problems: [] });
  });

  it('continues the chain after a restart', () => {
    write(2);
    write(1);
    const result = verifyAudit(path, 10);
    expect(result).toMatchObject({ ok: true, lines: 3 });
  });

  it('catches an edited line', () => {
    write(3);
    rewrite((all) =>
      all.map((line, index) => (index === 1 ? line.replace('"rows":1', '"rows":0') : line)),
    );
    const result = verifyAudit(path, 10);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'cotejo-audit.jsonl:2: el contenido fue modificado (el hash no coincide)',
    ]);
  });

  it('catches a line removed from the middle', () => {
    write(4);
    rewrite((all) => all.filter((_, index) => index !== 1));
    expect(verifyAudit(path, 10).problems.join('\n')).toContain(
      'cotejo-audit.jsonl:2: falta o sobra',
    );
  });

  it('catches a line removed from the end', () => {
    write(3);
    rewrite((all) => all.slice(0, -1));
    expect(verifyAudit(path, 10).problems).toEqual([
      'el último registro debía ser el 3 y es el 2: se quitaron líneas del final',
    ]);
  });

  it('rotates by size and verifies across files; dropping old files keeps it verifiable', () => {
    write(40, 1000, 3);
    const result = verifyAudit(path, 3);
    expect(result.files).toEqual([`${path}.3`, `${path}.2`, `${path}.1`, path]);
    expect(result.ok).toBe(true);
    expect(result.lines).toBeLessThan(40);
    expect(existsSync(`${path}.4`)).toBe(false);
    rewrite((all) => all.slice(1), `${path}.3`);
    expect(verifyAudit(path, 3).problems.join('\n')).toMatch(
      /cotejo-audit\.jsonl\.3:1: la cadena debía empezar/,
    );
  });
});
