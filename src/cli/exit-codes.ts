import type { ErrorCode } from '../core/app-error.js';

/** The only table from error codes to process exit codes (documented in the README). */
export const EXIT_CODE: Record<ErrorCode, number> = {
  invalid_input: 2,
  not_found: 3,
  conflict: 4,
  unavailable: 5,
  not_identifiable: 6,
  unauthenticated: 7,
  forbidden: 7,
  // EX_TEMPFAIL: try again later.
  rate_limited: 75,
  busy: 75,
  timed_out: 75,
  internal: 70,
};
