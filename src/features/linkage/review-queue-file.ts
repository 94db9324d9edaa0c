import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../../core/app-error.js';
import type { InputProblem } from '../../core/app-error.js';
import type { ReviewDecision, ReviewPair } from '../../linkage/index.js';

const LEVEL_COLUMNS = ['family', 'given', 'patronymic', 'birth', 'sex', 'unit'] as const;

/**
 * Writes the review queue as CSV for reviewers: `a,b,decision,...`, decision empty. Filled
 * in with `match` or `non_match` and passed back, it is read by `readReviewDecisions`.
 * With priorities, the pairs come in the workspace queue's order (most in doubt and most
 * weight on the estimate first), so a team that stops half-way has done what counts.
 */
export async function writeReviewQueue(
  path: string,
  review: readonly ReviewPair[],
  priorities?: readonly number[],
): Promise<void> {
  const order = Array.from(review.keys());
  if (priorities) {
    order.sort((x, y) => (priorities[y] ?? 0) - (priorities[x] ?? 0) || x - y);
  }
  const rows = order.map((k) => {
    const r = review[k] as ReviewPair;
    return [
      r.a,
      r.b,
      '',
      priorities ? (priorities[k] ?? 0).toFixed(4) : '',
      r.probability.toFixed(4),
      r.reason,
      ...LEVEL_COLUMNS.map((c) => r.levels[c]),
    ];
  });
  await writeFile(
    path,
    stringify([
      ['a', 'b', 'decision', 'priority', 'probability', 'reason', ...LEVEL_COLUMNS],
      ...rows,
    ]),
  );
}

/** Reads reviewers' decisions (`a,b,decision`); rows with an empty decision are skipped. */
export async function readReviewDecisions(path: string): Promise<ReviewDecision[]> {
  const rows = parse<Record<string, string>>(await readFile(path), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  const problems: InputProblem[] = [];
  const out: ReviewDecision[] = [];
  rows.forEach((row, k) => {
    const decision = (row.decision ?? '').trim().toLowerCase();
    if (decision === '') return;
    const a = (row.a ?? '').trim();
    const b = (row.b ?? '').trim();
    if (a === '' || b === '' || (decision !== 'match' && decision !== 'non_match')) {
      problems.push({
        file: path,
        row: k + 2,
        column: a === '' || b === '' ? 'a' : 'decision',
        message:
          a === '' || b === ''
            ? 'a decision needs both record ids'
            : `"${decision}" is not a decision`,
        fix: 'write match or non_match, with the two record ids in columns a and b',
      });
      return;
    }
    out.push({ a, b, decision });
  });
  if (problems.length > 0) throw new InputError(problems);
  return out;
}
