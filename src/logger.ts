import { createHash } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { AppError } from './core/app-error.js';

/**
 * The one logger. Logs carry ids, counts and durations, never names, dates of birth,
 * contacts or testimony: callers pass structured fields, and the redaction and serializers
 * below are a last line of defence for what must never be written.
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
  '*.password',
  '*.totp',
  'req.headers.cookie',
  'req.headers.authorization',
];

// Database errors name the constraint, table and column (safe); their `detail`, `where` and
// `parameters` quote the row's values, so only these fields of an error are kept.
const ERROR_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'routine'] as const;

/**
 * An unknown error's message may quote data ("… for Петренко"). Kept: lower-case ASCII
 * words and identifiers (the wording of library and database errors: "duplicate key value
 * violates unique constraint records_pkey"); anything else — capitalised or non-Latin words,
 * numbers, dates, addresses — becomes "…". The message's hash groups repeats of one error.
 */
export function maskMessage(message: string): string {
  return message.replace(/[\p{L}\p{N}@+_.'-]+/gu, (w) =>
    /^[a-z_]+(\.[a-z_]+)*$/.test(w) ? w : '…',
  );
}

export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = {
    type: e.name,
    // Polon's own errors are written for users and carry no personal data by rule.
    message: err instanceof AppError ? e.message : maskMessage(e.message),
    messageHash: createHash('sha256').update(e.message).digest('hex').slice(0, 12),
    stack: (e.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .join('\n'),
  };
  for (const f of ERROR_FIELDS) if (typeof e[f] === 'string') out[f] = e[f];
  return out;
}

/** Ids of persons, records, events, episodes and occupancy reports, and content ids. */
const PERSONAL_ID = /^((rec|per|evt|epi|occ)_[0-9a-z]+|~[0-9a-z]+|%7e[0-9a-z]+)$/i;

/**
 * The path of a request, without its query string (what was searched for) and with the ids
 * of personal routes (`/api/records/rec_…`) masked: an id ties a log line to a person, and
 * ids of earlier databases can be recomputed from a source's record number.
 */
export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '')
    .split('/')
    .map((segment) => (PERSONAL_ID.test(segment) ? ':id' : segment))
    .join('/');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  id?: string;
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: '[personal data removed]' },
    serializers: {
      err: safeError,
      req: (req: LoggedRequest) => ({ method: req.method, url: loggedPath(req.url ?? '') }),
    },
  };
  return destination ? pino(options, destination) : pino(options, pino.destination(2));
}
