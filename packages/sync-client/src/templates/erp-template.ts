import type { DatabaseKind } from '@cotejo/protocol';

/** A lookup a template proposes; `onlyWith` names a table it needs beyond the required ones. */
export interface TemplateLookup {
  name: string;
  sql: string;
  onlyWith?: string;
}

/** Ready lookups for a known ERP, with what about them nobody has checked on a real database. */
export interface ErpTemplate {
  id: string;
  name: string;
  /** Databases the SQL is written for. */
  kinds: readonly DatabaseKind[];
  /** Tables (case-insensitive, any schema) whose presence identifies this ERP. */
  requiredTables: readonly string[];
  lookups: readonly TemplateLookup[];
  /** Spanish notes, copied into the YAML as comments: what to confirm on the customer's ERP. */
  unverified: readonly string[];
}
