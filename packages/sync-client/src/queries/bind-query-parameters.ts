import { AppError, parseDate, type QueryRunParams } from '@cotejo/protocol';
import type { NamedQueryConfig } from '../config/named-query-schema.ts';
import type { DriverParam, ParameterType } from '../drivers/driver.ts';

type Given = QueryRunParams['params'][string];

const integerText = /^-?\d{1,18}$/;
const decimalText = /^-?(?=(?:\D*\d){1,15}\D*$)\d+(?:\.\d{1,6})?$/;

/** A value of the declared type, as bound; `undefined` when it is not of that type. */
function typed(type: ParameterType, value: Given): DriverParam | undefined {
  if (value === null) return null;
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'integer': {
      const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
      if (typeof text !== 'string' || !integerText.test(text)) return undefined;
      return Number.isSafeInteger(Number(text)) ? Number(text) : text;
    }
    case 'decimal': {
      const text = typeof value === 'number' ? String(value) : value;
      return typeof text === 'string' && decimalText.test(text) ? text : undefined;
    }
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
      return parseDate(value) ?? undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? Number(value) : undefined;
  }
}

const expected: Record<ParameterType, string> = {
  string: 'un texto',
  integer: 'un número entero',
  decimal: 'un número decimal de hasta 15 dígitos, como "1234.56"',
  date: 'una fecha aaaa-mm-dd',
  boolean: 'true o false',
};

/**
 * Checks the server's parameters against the query's declaration: a parameter it does not
 * declare is refused (QUERY_NOT_ALLOWED), a missing or mistyped one is a BAD_REQUEST.
 * Returns the values by declared name.
 */
export function checkQueryParameters(
  query: NamedQueryConfig,
  given: QueryRunParams['params'],
): Map<string, { value: DriverParam; type: ParameterType }> {
  const declared = Object.entries(query.params);
  const undeclared = Object.keys(given).filter((name) => !(name in query.params));
  if (undeclared.length > 0) {
    throw new AppError(
      'QUERY_NOT_ALLOWED',
      `La consulta «${query.name}» no declara los parámetros ${undeclared.join(', ')}; ` +
        `acepta: ${declared.map(([name]) => name).join(', ') || 'ninguno'}`,
    );
  }
  const values = new Map<string, { value: DriverParam; type: ParameterType }>();
  for (const [name, type] of declared) {
    if (!(name in given)) {
      throw new AppError(
        'BAD_REQUEST',
        `Falta el parámetro «${name}» de la consulta «${query.name}»`,
      );
    }
    const value = typed(type, given[name] ?? null);
    if (value === undefined) {
      throw new AppError(
        'BAD_REQUEST',
        `El parámetro «${name}» de la consulta «${query.name}» debe ser ${expected[type]}`,
      );
    }
    values.set(name, { value, type });
  }
  return values;
}
