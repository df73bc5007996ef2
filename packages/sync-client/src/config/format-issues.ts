import { z } from 'zod';

const spanish = z.locales.es().localeError;

/** Spanish (es-AR) messages for config validation, with a few friendlier wordings. */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') {
    return `clave desconocida: ${issue.keys.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return 'falta este valor (es obligatorio)';
  }
  return spanish(issue);
};

/** `['lookups', 0, 'sql']` → `lookups[0].sql`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(raíz)' : text;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`).join('\n');
}
