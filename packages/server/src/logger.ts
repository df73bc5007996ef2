import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/** Structured JSON logs on stdout; secrets are redacted wherever they might appear. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    redact: ['req.headers.authorization', '*.authorization', '*.apiKey', '*.key', '*.token'],
  });
}
