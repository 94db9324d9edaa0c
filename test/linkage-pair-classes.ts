/**
 * Pairwise precision and recall of a linkage by class of record pair (issue 18): the
 * kinds of pairs linkage used to leave apart, and the relatives and namesakes it must not
 * join. A pair belongs to a class by what its two records look like, so predicted and true
 * pairs are classed alike.
 */
import type { PairwiseScores } from '../src/linkage/index.js';

export interface PairTraits {
  /** 'free' for a full name in one column, else the script of the name columns. */
  kind: 'cyrillic' | 'latin' | 'free';
  /** The source's style: two records of one style share script and language. */
  style: string;
  precision: 'day' | 'month' | 'year' | 'none';
  hasUnit: boolean;
  /** Unknown (undefined) when the generator does not say. */
  typo?: boolean | undefined;
}

export const PAIR_CLASSES = [
  'script, full date vs partial',
  'unit on both',
  'free-text full name',
  'Latin vs Cyrillic',
  'typo on either side',
] as const;
export type PairClass = (typeof PAIR_CLASSES)[number];

function classesOf(a: PairTraits, b: PairTraits): PairClass[] {
  const out: PairClass[] = [];
  const partial = (t: PairTraits): boolean => t.precision === 'year' || t.precision === 'month';
  if (
    a.style !== b.style &&
    ((a.precision === 'day' && partial(b)) || (b.precision === 'day' && partial(a)))
  ) {
    out.push('script, full date vs partial');
  }
  if (a.hasUnit && b.hasUnit) out.push('unit on both');
  if (a.kind === 'free' || b.kind === 'free') out.push('free-text full name');
  if ((a.kind === 'latin') !== (b.kind === 'latin')) out.push('Latin vs Cyrillic');
  if (a.typo === true || b.typo === true) out.push('typo on either side');
  return out;
}

export interface ClassEvaluation {
  byClass: Record<PairClass, PairwiseScores>;
  /** Linked pairs of records of two relatives, or of two namesakes: each one a wrong join. */
  relativesJoined: number;
  relativePairs: number;
}

function scores(truePairs: number, predictedPairs: number, correctPairs: number): PairwiseScores {
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}

function groups(labels: ArrayLike<number>): number[][] {
  const by = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as number;
    const g = by.get(l);
    if (g) g.push(i);
    else by.set(l, [i]);
  }
  return [...by.values()].filter((g) => g.length > 1);
}

export function evaluateByClass(
  predicted: ArrayLike<number>,
  truth: ArrayLike<number>,
  traits: readonly PairTraits[],
  /** Pairs of person ids that are different people easily confused. */
  related: readonly (readonly [number, number])[] = [],
): ClassEvaluation {
  const counts = new Map<PairClass, [number, number, number]>(
    PAIR_CLASSES.map((c) => [c, [0, 0, 0]]),
  );
  const relatedKey = new Set(related.map(([x, y]) => (x < y ? `${x}|${y}` : `${y}|${x}`)));
  let relativesJoined = 0;
  for (const g of groups(predicted)) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        const i = g[x] as number;
        const j = g[y] as number;
        const correct = truth[i] === truth[j];
        for (const c of classesOf(traits[i] as PairTraits, traits[j] as PairTraits)) {
          const v = counts.get(c) as [number, number, number];
          v[1]++;
          if (correct) v[2]++;
        }
        if (!correct) {
          const p = truth[i] as number;
          const q = truth[j] as number;
          if (relatedKey.has(p < q ? `${p}|${q}` : `${q}|${p}`)) relativesJoined++;
        }
      }
    }
  }
  for (const g of groups(truth)) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        for (const c of classesOf(
          traits[g[x] as number] as PairTraits,
          traits[g[y] as number] as PairTraits,
        )) {
          (counts.get(c) as [number, number, number])[0]++;
        }
      }
    }
  }
  const byClass = {} as Record<PairClass, PairwiseScores>;
  for (const [c, [t, p, k]] of counts) byClass[c] = scores(t, p, k);
  return { byClass, relativesJoined, relativePairs: related.length };
}

/** Traits read off an input row, for generators that do not report them (`polon synth`). */
export function traitsOfRow(row: {
  source: string;
  family_name?: string;
  given_name?: string;
  full_name?: string;
  birth_date?: string;
  unit?: string;
}): PairTraits {
  const names = `${row.family_name ?? ''}${row.given_name ?? ''}${row.full_name ?? ''}`;
  const latin = /[a-z]/i.test(names) && !/[\u0400-\u04ff]/.test(names);
  const free = (row.full_name ?? '') !== '' && (row.family_name ?? '') === '';
  const d = (row.birth_date ?? '').trim();
  const precision =
    d === ''
      ? 'none'
      : /^\d{4}$/.test(d)
        ? 'year'
        : /^(\d{4}-\d{2}|\d{1,2}\.\d{4})$/.test(d)
          ? 'month'
          : 'day';
  return {
    kind: free ? 'free' : latin ? 'latin' : 'cyrillic',
    style: `${row.source}:${latin ? 'latin' : 'cyrillic'}`,
    precision,
    hasUnit: (row.unit ?? '').trim() !== '',
  };
}
