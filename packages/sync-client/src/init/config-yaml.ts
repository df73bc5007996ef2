import { stringify } from 'yaml';

export interface InitConfig {
  server: { url: string; keyEnv: string };
  database: Record<string, string | number | boolean | undefined>;
  lookups: { name: string; sql: string }[];
  dataMinimization: boolean;
}

/**
 * The YAML `init` writes: the chosen connection (the password only by reference: an
 * environment variable or a file), the lookups, and as comments where they came from and what
 * to confirm on this ERP before trusting them.
 */
export function configYaml(config: InitConfig, origin: string, notes: readonly string[]): string {
  const header = [
    '# Configuración del sync-client de Cotejo, escrita por `cotejo-sync-client init`.',
    `# Consultas: ${origin}.`,
    ...(notes.length > 0
      ? ['# Antes de usarla, confirme en esta base:', ...notes.map((note) => `#   - ${note}`)]
      : []),
    '# Verifíquela con: cotejo-sync-client doctor --config <este archivo>',
    '',
  ];
  const body = stringify(
    {
      server: config.server,
      database: config.database,
      lookups: config.lookups,
      dataMinimization: config.dataMinimization,
      audit: { path: './cotejo-audit.jsonl' },
      queryTimeoutMs: 5000,
      maxConcurrentLookups: 4,
      logLevel: 'info',
    },
    { lineWidth: 0 },
  );
  return `${header.join('\n')}\n${body}`;
}
