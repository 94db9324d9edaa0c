import { pino, type Logger } from 'pino';

/**
 * The one logger. Logs carry ids, counts and durations, never names, dates of birth,
 * contacts or testimony: callers pass structured fields, and the redaction below is a
 * last line of defence for fields that must never be written.
 */
export type { Logger };

const REDACT = [
  '*.familyName',
  '*.givenName',
  '*.patronymic',
  '*.fullName',
  '*.birthDate',
  '*.contact',
  '*.testimony',
  'req.headers.cookie',
  'req.headers.authorization',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[personal data removed]' } };
  return destination ? pino(options, destination) : pino(options, pino.destination(2));
}
