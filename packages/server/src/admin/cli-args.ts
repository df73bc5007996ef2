/** The admin CLI's commands, defined once: `<noun> <verb>` and the options each requires. */
export const cliCommands = {
  'tenant create': { option: 'name' },
  'tenant list': { option: null },
  'key create': { option: 'tenant' },
  'key revoke': { option: 'id' },
  'token create': { option: 'tenant' },
  'token revoke': { option: 'id' },
} as const;

export type CliCommandName = keyof typeof cliCommands;

export interface CliCommand {
  name: CliCommandName;
  /** The value of the command's required option (`--name`, `--tenant`, `--id`), if any. */
  value: string;
  json: boolean;
}

export const usage = `Uso: npm run admin -- <comando> [--json]
  tenant create --name NOMBRE     crea un cliente
  tenant list                     lista los clientes
  key create --tenant ID          crea una clave de sync-client
  key revoke --id ID|CLAVE        revoca una clave de sync-client
  token create --tenant ID        crea un token de la API
  token revoke --id ID|TOKEN      revoca un token de la API
Con --json imprime un solo objeto JSON. Usa DATABASE_URL o DATA_DIR, como el servidor.`;

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const positional: string[] = [];
  const options = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) {
      const [key = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliUsageError(`Falta el valor de --${key}.`);
      options.set(key, value);
    } else positional.push(arg);
  }
  const name = positional.join(' ');
  if (!isCommand(name)) {
    throw new CliUsageError(
      name === '' ? 'Indique un comando.' : `Comando desconocido: "${name}".`,
    );
  }
  const { option } = cliCommands[name];
  const value = option === null ? '' : (options.get(option) ?? '');
  if (option !== null && value.trim() === '') {
    throw new CliUsageError(`"${name}" requiere --${option}.`);
  }
  return { name, value, json };
}

function isCommand(name: string): name is CliCommandName {
  return Object.hasOwn(cliCommands, name);
}
