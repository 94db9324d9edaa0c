import { AppError, type ErrorCode } from '../core/app-error.js';

/** The only table from error codes to HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_identifiable: 422,
  rate_limited: 429,
  unavailable: 503,
  // The server is at its limit of expensive work, or stopped a task that ran too long.
  busy: 503,
  timed_out: 503,
  internal: 500,
};

// PostgreSQL errors caused by the characters of the input, not by the server.
const PG_INPUT_ERRORS: Record<string, string> = {
  '22021': 'the request holds a character the database cannot store (such as NUL); remove it',
  '22P05': 'the request holds a character the database cannot convert; remove it',
};

/** A database error that the request's input caused, as an invalid_input error; else null. */
export function inputErrorOf(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  const message = typeof code === 'string' ? PG_INPUT_ERRORS[code] : undefined;
  return message ? new AppError('invalid_input', message) : null;
}
