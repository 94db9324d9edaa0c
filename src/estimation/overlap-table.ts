import { AppError } from '../core/app-error.js';

/**
 * The input of multiple systems estimation, as `polon estimate mse --histories` reads it:
 * each key of `histories` has one character per list ('1' = on that list), the all-zero
 * history (nobody saw them) is what is being estimated and so is absent; a missing key
 * means nobody has that history.
 */
export interface OverlapTable {
  lists: string[];
  histories: Record<string, number>;
}

export const MIN_LISTS = 2;
export const MAX_LISTS = 6;

/** One thing wrong with an overlap table, with where it is and how to fix it. */
export interface OverlapTableProblem {
  /** JSON-path-like location, e.g. `histories["1021"]`. */
  path: string;
  message: string;
  fix: string;
}

/** Counts indexed by a bit mask of the lists (bit i set = on list i); index 0 is unobserved. */
export interface CellCounts {
  lists: string[];
  k: number;
  counts: Float64Array;
  nObserved: number;
}

const MAX_PROBLEMS_LISTED = 20;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function listProblems(lists: unknown): OverlapTableProblem[] {
  const problems: OverlapTableProblem[] = [];
  if (!Array.isArray(lists)) {
    return [
      {
        path: 'lists',
        message: 'lists must be an array of list names',
        fix: 'give the names of the lists in key order, e.g. "lists": ["A", "B", "C"]',
      },
    ];
  }
  if (lists.length < MIN_LISTS || lists.length > MAX_LISTS) {
    problems.push({
      path: 'lists',
      message: `${lists.length} lists given; estimation needs ${MIN_LISTS} to ${MAX_LISTS}`,
      fix:
        lists.length < MIN_LISTS
          ? 'add a second list: one list alone cannot estimate who it missed'
          : `merge or drop lists until at most ${MAX_LISTS} remain (e.g. merge small lists collected the same way)`,
    });
  }
  const seen = new Set<string>();
  lists.forEach((name: unknown, i) => {
    const path = `lists[${i}]`;
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push({ path, message: 'list name is empty or not text', fix: 'name every list' });
      return;
    }
    if (name.includes(':')) {
      problems.push({
        path,
        message: `list name "${name}" contains ':', which separates the lists of an interaction term`,
        fix: 'rename the list without ":"',
      });
    }
    if (seen.has(name)) {
      problems.push({
        path,
        message: `list name "${name}" appears twice`,
        fix: 'give each list a distinct name',
      });
    }
    seen.add(name);
  });
  return problems;
}

/** The largest count of one history: larger ones overflow the totals the fit reports. */
export const MAX_HISTORY_COUNT = 1_000_000_000;

function historyProblems(histories: unknown, k: number | null): OverlapTableProblem[] {
  if (!isRecord(histories)) {
    return [
      {
        path: 'histories',
        message: 'histories must be an object mapping capture histories to counts',
        fix: 'give e.g. "histories": {"110": 37, "101": 12}',
      },
    ];
  }
  const problems: OverlapTableProblem[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(histories)) {
    const path = `histories[${JSON.stringify(key)}]`;
    if (!/^[01]+$/.test(key)) {
      problems.push({
        path,
        message: 'a history key may contain only the characters 0 and 1',
        fix: "write one character per list: '1' if the person is on that list, '0' if not",
      });
    } else if (k !== null && key.length !== k) {
      problems.push({
        path,
        message: `history has ${key.length} characters but there are ${k} lists`,
        fix: `write exactly ${k} characters, in the order of "lists"`,
      });
    } else if (!key.includes('1')) {
      problems.push({
        path,
        message: 'the all-zero history (on no list) is the unknown being estimated',
        fix: 'remove this key: nobody can be counted as seen by no list',
      });
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      problems.push({
        path,
        message: `count ${JSON.stringify(value)} is not a non-negative whole number`,
        fix: 'give the number of people with this history as a whole number ≥ 0',
      });
    } else if (value > MAX_HISTORY_COUNT) {
      problems.push({
        path,
        message: `count ${value} is more than ${MAX_HISTORY_COUNT.toLocaleString('en')}, beyond any list`,
        fix: 'give the number of people with this history, not another figure',
      });
    } else {
      total += value;
    }
  }
  if (problems.length === 0 && total === 0) {
    problems.push({
      path: 'histories',
      message: 'nobody is observed on any list',
      fix: 'give the counts of people seen on at least one list',
    });
  }
  return problems;
}

/**
 * Checks an overlap table and returns it typed; throws AppError('invalid_input') listing
 * every problem found, so a user fixes a file in one pass rather than one error at a time.
 */
export function validateOverlapTable(input: unknown): OverlapTable {
  if (!isRecord(input)) {
    throw new AppError(
      'invalid_input',
      'overlap table must be an object {"lists": [...], "histories": {...}}; fix: give the lists and their overlap counts',
      { problems: [] },
    );
  }
  const lp = listProblems(input.lists);
  const k = Array.isArray(input.lists) ? input.lists.length : null;
  const problems = [...lp, ...historyProblems(input.histories, k)];
  if (problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    const summary = first ? `${first.path}: ${first.message}; fix: ${first.fix}${more}` : '';
    throw new AppError('invalid_input', `invalid overlap table: ${summary}`, {
      problems: problems.slice(0, MAX_PROBLEMS_LISTED),
      problemCount: problems.length,
    });
  }
  return input as unknown as OverlapTable;
}

/** Validates and turns the keyed table into a dense vector of 2^k cell counts. */
export function toCellCounts(input: unknown): CellCounts {
  const table = validateOverlapTable(input);
  const k = table.lists.length;
  const counts = new Float64Array(1 << k);
  let nObserved = 0;
  for (const [key, value] of Object.entries(table.histories)) {
    let mask = 0;
    for (let i = 0; i < k; i++) if (key[i] === '1') mask |= 1 << i;
    counts[mask] = (counts[mask] ?? 0) + value;
    nObserved += value;
  }
  return { lists: [...table.lists], k, counts, nObserved };
}
