import { writeFileSync, existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { AppError } from '@cotejo/protocol';
import { parse as parseYaml } from 'yaml';
import { listColumns } from '../catalog/list-columns.ts';
import type { Environment } from '../config/load-config.ts';
import { fileConfigSchema } from '../config/schema.ts';
import { formatIssues } from '../config/format-issues.ts';
import { createDriver } from '../drivers/create-driver.ts';
import { detectTemplate, findTemplate, templateLookups } from '../templates/erp-templates.ts';
import { askConnection, value, type InitContext } from './ask-connection.ts';
import { configYaml, type InitConfig } from './config-yaml.ts';
import type { InitOptions } from './init-options.ts';
import { mappingSql } from './mapping-sql.ts';
import type { Prompter } from './prompter.ts';
import { proposeMappings } from './propose-mapping.ts';

/**
 * `init`: asks for (or takes from flags) the connection, tests it, reads the schema, proposes
 * lookups from an ERP template or by scoring table and column names, and writes the YAML with
 * the password kept out of it. Returns the exit code.
 */
export async function runInit(
  options: InitOptions,
  prompter: Prompter,
  env: Environment,
): Promise<number> {
  const context: InitContext = { options, prompter, env };
  const file = resolve(options.config);
  if (existsSync(file) && !options.force) {
    throw new AppError('CONFIG_INVALID', `${file} ya existe: use --force para reemplazarlo`);
  }
  const url = await value(
    context,
    options.serverUrl,
    'server-url',
    'URL del servidor Cotejo',
    'http://127.0.0.1:3000',
  );
  const connection = await askConnection(context);
  const driver = await createDriver(connection.settings);
  const signal = AbortSignal.timeout(60_000);
  let columns;
  try {
    await driver.connect();
    prompter.say('✔ Conexión a la base correcta.');
    columns = await listColumns(driver, signal);
  } finally {
    await driver.close();
  }
  const tables = [...new Set(columns.map((column) => column.table))];
  prompter.say(`  ${tables.length} tablas leídas.`);

  const kind = connection.settings.kind;
  const chosen = options.template ?? 'auto';
  let template =
    chosen === 'auto'
      ? detectTemplate(kind, tables)
      : chosen === 'ninguna'
        ? undefined
        : findTemplate(chosen);
  if (chosen !== 'auto' && chosen !== 'ninguna' && template === undefined) {
    throw new AppError('CONFIG_INVALID', `Plantilla desconocida «${chosen}»`);
  }
  if (template && chosen === 'auto' && !options.yes) {
    if (!(await prompter.confirm(`Se detectó ${template.name}. ¿Usar su plantilla?`, true)))
      template = undefined;
  }
  let lookups: InitConfig['lookups'];
  let origin: string;
  let notes: readonly string[];
  if (template) {
    lookups = templateLookups(template, tables);
    origin = `plantilla ${template.id} (${template.name})`;
    notes = template.unverified;
  } else {
    const [best, ...others] = proposeMappings(columns);
    if (best === undefined) {
      throw new AppError(
        'LOOKUP_NOT_CONFIGURED',
        'No se encontró una tabla con número de comprobante, CUIT, fecha e importe: escriba el lookup a mano en el YAML.',
      );
    }
    let mapping = best;
    const shown = Object.entries(mapping.columns)
      .map(([field, column]) => `${field} ← ${column}`)
      .join(', ');
    prompter.say(`Propuesta: tabla ${mapping.table}: ${shown}`);
    if (
      !options.yes &&
      others.length > 0 &&
      !(await prompter.confirm('¿Usar esta tabla y columnas?', true))
    ) {
      const names = [best, ...others].slice(0, 9);
      names.forEach((candidate, index) => prompter.say(`  (${index + 1}) ${candidate.table}`));
      const pick = Number(await prompter.ask('Tabla', '1'));
      mapping = names[pick - 1] ?? best;
    }
    lookups = [{ name: 'facturas', sql: mappingSql(kind, mapping) }];
    origin = `propuesta por nombres de columnas en la tabla ${mapping.table}`;
    notes = [
      'el formato del número de comprobante y del CUIT guardados coincide con el de la factura (0001-00001234, 11 dígitos)',
    ];
  }
  const dataMinimization =
    options.dataMinimization ??
    (options.yes
      ? false
      : await prompter.confirm(
          '¿Activar la minimización de datos (sólo se envía el veredicto)?',
          false,
        ));
  const keyEnv = options.keyEnv ?? 'COTEJO_AGENT_KEY';
  const config: InitConfig = {
    server: { url, keyEnv },
    database: connection.yaml,
    lookups,
    dataMinimization,
  };
  const text = configYaml(config, origin, notes);
  const checked = fileConfigSchema.safeParse(parseYaml(text));
  if (!checked.success)
    throw new AppError(
      'CONFIG_INVALID',
      `La configuración propuesta no es válida:\n${formatIssues(checked.error.issues)}`,
    );

  if (connection.passwordFile) {
    const path = resolve(dirname(file), connection.passwordFile.path);
    writeFileSync(path, `${connection.passwordFile.password}\n`, { mode: 0o600 });
    prompter.say(
      `✔ Contraseña guardada en ${relative(process.cwd(), path) || path} (sólo legible por su dueño).`,
    );
  }
  writeFileSync(file, text, { mode: 0o640 });
  prompter.say(`✔ Configuración escrita en ${file}`);
  prompter.say(
    `  Defina ${keyEnv} con la clave del sync-client y pruebe: cotejo-sync-client doctor --config ${file}`,
  );
  return 0;
}
