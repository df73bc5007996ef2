import { AppError } from '@cotejo/protocol';
import { z } from 'zod';

const spanish = z.locales.es();

/** Parses with `schema`; a failure becomes BAD_REQUEST listing each issue in Spanish. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body, { error: spanish.localeError });
  if (parsed.success) return parsed.data;
  throw new AppError(
    'BAD_REQUEST',
    `Datos inválidos: ${summarizeIssues(parsed.error)}. Corríjalos y reintente.`,
  );
}

export function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
