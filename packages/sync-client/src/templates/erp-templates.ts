import { dynamicsGpTemplate } from './dynamics-gp-template.ts';
import type { ErpTemplate } from './erp-template.ts';
import { genericTemplate } from './generic-template.ts';
import { sapB1Template } from './sap-b1-template.ts';
import { tangoTemplate } from './tango-template.ts';

/** Every ERP template, most specific first (the generic table last). */
export const erpTemplates: readonly ErpTemplate[] = [
  tangoTemplate,
  sapB1Template,
  dynamicsGpTemplate,
  genericTemplate,
];

export function findTemplate(id: string): ErpTemplate | undefined {
  return erpTemplates.find((template) => template.id === id);
}

/** The first template whose tables all exist in the database (names case-insensitive). */
export function detectTemplate(
  kind: ErpTemplate['kinds'][number],
  tables: readonly string[],
): ErpTemplate | undefined {
  const present = new Set(tables.map((table) => table.toLowerCase()));
  return erpTemplates.find(
    (template) =>
      template.kinds.includes(kind) &&
      template.requiredTables.every((table) => present.has(table.toLowerCase())),
  );
}

/** The template's lookups that can run here (those needing an absent table are left out). */
export function templateLookups(template: ErpTemplate, tables: readonly string[]) {
  const present = new Set(tables.map((table) => table.toLowerCase()));
  return template.lookups
    .filter((lookup) => lookup.onlyWith === undefined || present.has(lookup.onlyWith.toLowerCase()))
    .map(({ name, sql }) => ({ name, sql }));
}
