/** The admin CLI's commands, defined once: `<noun> <verb>` and the options each requires. */
export const cliCommands = {
  'tenant create': { options: ['name'] },
  'tenant list': { options: [] },
  'key create': { options: ['tenant'] },
  'key revoke': { options: ['id'] },
  'token create': { options: ['tenant'] },
  'token revoke': { options: ['id'] },
  'user create': { options: ['tenant', 'email'] },
} as const satisfies Record<string, { options: readonly string[] }>;

export type CliCommandName = keyof typeof cliCommands;

export interface CliCommand {
  name: CliCommandName;
  /** The command's required options (`--name`, `--tenant`, `--id`, `--email`) by name. */
  values: Readonly<Record<string, string>>;
  json: boolean;
}

export const usage = `Uso: npm run admin -- <comando> [--json]
  tenant create --name NOMBRE     crea un cliente
  tenant list                     lista los clientes
  key create --tenant ID          crea una clave de sync-client
  key revoke --id ID|CLAVE        revoca una clave de sync-client
  token create --tenant ID        crea un token de la API
  token revoke --id ID|TOKEN      revoca un token de la API
  user create --tenant ID --email EMAIL
                                  crea un usuario de la aplicación web (contraseña generada)
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
  const values: Record<string, string> = {};
  for (const option of cliCommands[name].options) {
    const value = options.get(option) ?? '';
    if (value.trim() === '') throw new CliUsageError(`"${name}" requiere --${option}.`);
    values[option] = value;
  }
  return { name, values, json };
}

function isCommand(name: string): name is CliCommandName {
  return Object.hasOwn(cliCommands, name);
}
