import { describe, expect, it } from 'vitest';
import { guardSelect } from '../config/sql-guard.ts';
import { detectTemplate, erpTemplates, templateLookups } from './erp-templates.ts';

describe('ERP templates', () => {
  it.each(
    erpTemplates.flatMap((template) =>
      template.lookups.map((lookup) => [template.id, lookup] as const),
    ),
  )('%s: %o passes the SQL guard on every database it targets', (id, lookup) => {
    const template = erpTemplates.find((candidate) => candidate.id === id);
    for (const kind of template?.kinds ?? []) {
      const guarded = guardSelect(lookup.sql, kind);
      expect(guarded.ok ? 'ok' : guarded.reason).toBe('ok');
    }
  });

  it('each states what is unverified', () => {
    for (const template of erpTemplates) expect(template.unverified.length).toBeGreaterThan(0);
  });

  it('detects an ERP by its tables and leaves out lookups on absent tables', () => {
    const tango = detectTemplate('mssql', ['cpa04', 'CPA01', 'GVA12']);
    expect(tango?.id).toBe('tango');
    expect(templateLookups(tango!, ['CPA04', 'CPA01']).map((lookup) => lookup.name)).toEqual([
      'tango-compras',
    ]);
    expect(
      templateLookups(tango!, ['CPA04', 'CPA01', 'COMPROBANTE_AFIP_COMPRAS']).map((l) => l.name),
    ).toEqual(['tango-comprobantes-afip', 'tango-compras']);
    expect(detectTemplate('postgres', ['CPA04', 'CPA01'])).toBeUndefined();
    expect(detectTemplate('sqlite', ['facturas'])?.id).toBe('generico');
  });
});
