import type { ErrorCode } from '../core/app-error.js';

/** The only table from error codes to HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_identifiable: 422,
  unavailable: 503,
  rate_limited: 429,
  // The server is at its limit of expensive work, or stopped a task that ran too long.
  busy: 503,
  timed_out: 503,
  internal: 500,
};
