/**
 * The few error classes Polon has. A code is stable (other tools match on it); the message
 * says what went wrong and what to do; details carry structured context (file, row, column)
 * and never personal data.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'not_identifiable'
  | 'forbidden'
  | 'unauthenticated'
  /** Too many requests from one client or for one account: wait (Retry-After) and try again. */
  | 'rate_limited'
  /** The server is at its limit of expensive work: try again later (Retry-After). */
  | 'busy'
  /** Expensive work ran past its time limit and was stopped. */
  | 'timed_out'
  | 'internal';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** One problem in one cell of an input file; an import collects all of them before it fails. */
export interface InputProblem {
  file: string;
  /** The sheet of a workbook the problem is on. */
  sheet?: string;
  /** 1-based row as a spreadsheet program shows it (the header is row 1); absent for whole-file problems. */
  row?: number;
  column?: string;
  /** The offending value, shortened; never echoed for columns that hold personal data. */
  value?: string;
  message: string;
  fix: string;
  /** What is wrong by a stable code, with its parameters, for a reader in another language. */
  code?: string;
  params?: Record<string, string | number>;
}

export class InputError extends AppError {
  readonly problems: InputProblem[];

  constructor(problems: InputProblem[], summary?: string) {
    super('invalid_input', summary ?? InputError.summarise(problems), { problems });
    this.name = 'InputError';
    this.problems = problems;
  }

  static summarise(problems: InputProblem[]): string {
    const first = problems[0];
    if (!first) return 'invalid input';
    const where = formatProblemLocation(first);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    return `${where}: ${first.message}${more}`;
  }
}

export function formatProblemLocation(p: InputProblem): string {
  const parts = [p.file];
  if (p.sheet !== undefined) parts.push(`sheet "${p.sheet}"`);
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  if (p.column !== undefined) parts.push(`column ${p.column}`);
  return parts.join(', ');
}

export function formatProblem(p: InputProblem): string {
  const value = p.value !== undefined ? ` (value: ${JSON.stringify(p.value)})` : '';
  return `${formatProblemLocation(p)}: ${p.message}${value}. Fix: ${p.fix}`;
}

/** Shortens a value for an error message so a 50 MB cell cannot flood a terminal or log. */
export function shorten(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}
