import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

/** Field names that hold secrets, at the top level of a log object or one level down. */
const secretFields = [
  'authorization',
  'cookie',
  'set-cookie',
  'apiKey',
  'apiToken',
  'agentKey',
  'key',
  'token',
  'secret',
  'password',
  'adminSecret',
];

/** Where secrets may sit in a log line: `{token}`, `{agent: {key}}`, request and reply headers. */
export const redactedPaths = [
  ...secretFields.map((field) => `["${field}"]`),
  ...secretFields.map((field) => `*["${field}"]`),
  ...secretFields.map((field) => `req.headers["${field}"]`),
  ...secretFields.map((field) => `res.headers["${field}"]`),
];

/**
 * Structured JSON logs (stdout unless `destination` is given); secrets are redacted wherever they
 * might appear. Request ids come from Fastify (`reqId` on every request's lines).
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redactado]' } };
  return destination ? pino(options, destination) : pino(options);
}
