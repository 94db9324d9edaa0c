/** Pairwise precision, recall and F1 of one group of record pairs. */
export interface PairwiseScores {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface LinkageEvaluation {
  overall: PairwiseScores;
  /** Keyed `sourceA|sourceB`, names in alphabetical order. */
  bySourcePair: Record<string, PairwiseScores>;
}

interface Counts {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

function scores(c: Counts): PairwiseScores {
  const precision = c.predictedPairs === 0 ? 1 : c.correctPairs / c.predictedPairs;
  const recall = c.truePairs === 0 ? 1 : c.correctPairs / c.truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

function groups(labels: ArrayLike<number>): number[][] {
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as number;
    const g = byLabel.get(l);
    if (g) g.push(i);
    else byLabel.set(l, [i]);
  }
  return [...byLabel.values()].filter((g) => g.length > 1);
}

/**
 * Compares a clustering with the truth pair by pair: a pair of records is predicted when
 * both are in one cluster, true when both belong to one person. Per source pair, a record
 * pair counts under the sources of its two records.
 */
export function evaluateLinkage(
  predicted: ArrayLike<number>,
  truth: ArrayLike<number>,
  sources: readonly string[],
): LinkageEvaluation {
  const overall: Counts = { truePairs: 0, predictedPairs: 0, correctPairs: 0 };
  const bySource = new Map<string, Counts>();
  const bucket = (i: number, j: number): Counts => {
    const a = sources[i] as string;
    const b = sources[j] as string;
    const key = a <= b ? `${a}|${b}` : `${b}|${a}`;
    let c = bySource.get(key);
    if (!c) {
      c = { truePairs: 0, predictedPairs: 0, correctPairs: 0 };
      bySource.set(key, c);
    }
    return c;
  };
  for (const g of groups(predicted)) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        const i = g[x] as number;
        const j = g[y] as number;
        const c = bucket(i, j);
        c.predictedPairs++;
        overall.predictedPairs++;
        if (truth[i] === truth[j]) {
          c.correctPairs++;
          overall.correctPairs++;
        }
      }
    }
  }
  for (const g of groups(truth)) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        bucket(g[x] as number, g[y] as number).truePairs++;
        overall.truePairs++;
      }
    }
  }
  const bySourcePair: Record<string, PairwiseScores> = {};
  for (const key of [...bySource.keys()].sort()) {
    bySourcePair[key] = scores(bySource.get(key) as Counts);
  }
  return { overall: scores(overall), bySourcePair };
}
