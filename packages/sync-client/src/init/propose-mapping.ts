import type { CatalogColumn } from '../catalog/list-columns.ts';

/** The canonical fields a mapping fills, each from one column of one table. */
export const mappedFields = [
  'numeroComprobante',
  'puntoVenta',
  'numero',
  'cuit',
  'fecha',
  'importe',
  'razonSocial',
] as const;
export type MappedField = (typeof mappedFields)[number];

export interface TableMapping {
  schema: string | null;
  table: string;
  columns: Partial<Record<MappedField, string>>;
  score: number;
}

/** Lower case, no accents, letters and digits only: "Razón_Social" → "razonsocial". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

interface Rule {
  exact: readonly string[];
  contains: readonly string[];
  avoid?: readonly string[];
}

/** Names seen in Argentine ERPs and hand-made tables, best first. */
const rules: Record<MappedField, Rule> = {
  numeroComprobante: {
    exact: [
      'numerocomprobante',
      'nrocomprobante',
      'numcomprobante',
      'ncomp',
      'comprobante',
      'nrofactura',
      'numerofactura',
      'numatcard',
      'docnumbr',
    ],
    contains: ['comprobante', 'ncomp', 'nrofac', 'numfac'],
    avoid: ['tipo', 'id'],
  },
  puntoVenta: {
    exact: ['puntoventa', 'puntodeventa', 'ptovta', 'ptoventa', 'pv', 'sucursal'],
    contains: ['ptovta', 'puntovent', 'puntodevent'],
  },
  numero: { exact: ['numero', 'nro', 'num', 'number'], contains: [] },
  cuit: {
    exact: [
      'cuit',
      'ncuit',
      'nrocuit',
      'cuitproveedor',
      'lictradnum',
      'numerodocumento',
      'txrgnnum',
    ],
    contains: ['cuit', 'taxid', 'nrodoc'],
  },
  fecha: {
    exact: [
      'fecha',
      'fechaemision',
      'fechaemis',
      'fechacomprobante',
      'fechafactura',
      'taxdate',
      'docdate',
    ],
    contains: ['fecha', 'fch'],
    avoid: ['vto', 'venc', 'cont', 'alta', 'modif', 'carga'],
  },
  importe: {
    exact: [
      'importe',
      'importetotal',
      'total',
      'importeto',
      'monto',
      'montototal',
      'doctotal',
      'docamnt',
    ],
    contains: ['total', 'importe', 'monto'],
    avoid: ['neto', 'iva', 'exento', 'gravado', 'impuesto', 'percep'],
  },
  razonSocial: {
    exact: [
      'razonsocial',
      'razonsoci',
      'denominacion',
      'nomprovee',
      'nombreproveedor',
      'cardname',
      'vendname',
    ],
    contains: ['razon', 'denomin', 'nombre', 'nomprov'],
  },
};

/** How well a column name fits a field: 10 exact, 6 contained, 0 otherwise; minus 5 if avoided. */
export function columnScore(field: MappedField, column: string): number {
  const name = normalizeName(column);
  const rule = rules[field];
  const base = rule.exact.includes(name)
    ? 10
    : rule.contains.some((part) => name.includes(part))
      ? 6
      : 0;
  if (base === 0) return 0;
  return rule.avoid?.some((part) => name.includes(part)) ? Math.max(0, base - 5) : base;
}

function mapTable(schema: string | null, table: string, columns: readonly string[]): TableMapping {
  const mapping: TableMapping = { schema, table, columns: {}, score: 0 };
  const used = new Set<string>();
  for (const field of mappedFields) {
    let best: { column: string; score: number } | undefined;
    for (const column of columns) {
      const score = columnScore(field, column);
      if (score > 0 && !used.has(column) && (best === undefined || score > best.score)) {
        best = { column, score };
      }
    }
    if (best) {
      mapping.columns[field] = best.column;
      mapping.score += best.score;
      used.add(best.column);
    }
  }
  if (/factur|comprob|compra/.test(normalizeName(table))) mapping.score += 3;
  return mapping;
}

/** A table can answer lookups when it identifies the invoice and holds CUIT, date and amount. */
export function isUsable(mapping: TableMapping): boolean {
  const { numeroComprobante, puntoVenta, numero, cuit, fecha, importe } = mapping.columns;
  const identified =
    numeroComprobante !== undefined || (puntoVenta !== undefined && numero !== undefined);
  return identified && cuit !== undefined && fecha !== undefined && importe !== undefined;
}

/** Usable tables ranked by how well their column names fit, best first. */
export function proposeMappings(columns: readonly CatalogColumn[]): TableMapping[] {
  const tables = new Map<string, { schema: string | null; table: string; columns: string[] }>();
  for (const { schema, table, column } of columns) {
    const key = `${schema ?? ''}.${table}`;
    const entry = tables.get(key) ?? { schema, table, columns: [] };
    entry.columns.push(column);
    tables.set(key, entry);
  }
  return [...tables.values()]
    .map((entry) => mapTable(entry.schema, entry.table, entry.columns))
    .filter(isUsable)
    .sort((a, b) => b.score - a.score);
}
