/**
 * The order of the review queue: the pair whose decision is both most in doubt and moves the
 * estimate most comes first, so a small team that stops half-way has spent its time where
 * it counts (docs/METHODS.md, "Reviewing pairs").
 */

/** One side of a pair: the person its record belongs to after the last linkage run. */
export interface PairSide {
  /** Person id; null for a record no linkage run has placed yet (a person of its own). */
  person: string | null;
  /** How many records that person holds (1 for an unplaced record). */
  records: number;
  /** The sources (the MSE lists) the person is seen on. */
  sources: readonly string[];
}

/**
 * How unsure the match is: 4p(1 − p), the variance of the match indicator scaled to 1 at
 * p = ½ and 0 at certainty. A decision removes exactly this much doubt.
 */
export function uncertainty(probability: number): number {
  const p = Math.min(1, Math.max(0, probability));
  return 4 * p * (1 - p);
}

/**
 * How much accepting the pair changes what the estimate is made of, counted in changes:
 * one for the distinct-person count (two persons become one); one for each list only one of
 * the two persons is on (|S_A Δ S_B|: the merged person's capture history differs from that
 * side's, so a cell of the overlap table gains and others lose); one for each side that is
 * already a person of several records (their records move together, and such persons are
 * the ones the overlap cells are made of). Two records of one source, each alone, score 1;
 * two lone records of different sources 3. Records already in one person score 0: accepting
 * changes nothing.
 */
export function decisionEffect(a: PairSide, b: PairSide): number {
  if (a.person !== null && a.person === b.person) return 0;
  const inA = new Set(a.sources);
  const inB = new Set(b.sources);
  let differ = 0;
  for (const s of inA) if (!inB.has(s)) differ++;
  for (const s of inB) if (!inA.has(s)) differ++;
  return 1 + differ + (a.records > 1 ? 1 : 0) + (b.records > 1 ? 1 : 0);
}

/** A pair's place in the queue: its uncertainty times its effect on the estimate. */
export function reviewPriority(probability: number, a: PairSide, b: PairSide): number {
  return uncertainty(probability) * decisionEffect(a, b);
}

/**
 * Priorities of a linkage run's review pairs from its clusters: `sourceOf` and `clusterOf`
 * give each record's source and cluster number, `indexOf` a record id's position.
 */
export function runPriorities(
  pairs: readonly { a: string; b: string; probability: number }[],
  records: readonly { id: string; source: string }[],
  clusterOf: ArrayLike<number>,
): number[] {
  const indexOf = new Map<string, number>();
  const size = new Map<number, number>();
  const sources = new Map<number, Set<string>>();
  records.forEach((r, i) => {
    indexOf.set(r.id, i);
    const c = clusterOf[i] as number;
    size.set(c, (size.get(c) ?? 0) + 1);
    const s = sources.get(c);
    if (s) s.add(r.source);
    else sources.set(c, new Set([r.source]));
  });
  const side = (id: string): PairSide => {
    const i = indexOf.get(id);
    if (i === undefined) return { person: null, records: 1, sources: [] };
    const c = clusterOf[i] as number;
    return { person: String(c), records: size.get(c) ?? 1, sources: [...(sources.get(c) ?? [])] };
  };
  return pairs.map((p) => reviewPriority(p.probability, side(p.a), side(p.b)));
}

export interface OpenPair {
  a: string;
  b: string;
  probability: number;
  reason: string;
}

/**
 * The pairs a batch may accept at `min`: probability at least `min`, not held apart by a
 * guard (`conflict`: some record of one person contradicts one of the other in given name,
 * patronymic, birth date or sex) unless `includeGuarded`, and no record in two such pairs
 * (accepting both would join three persons on nobody's look at the third).
 */
export function nearCertainPairs<T extends OpenPair>(
  open: readonly T[],
  min: number,
  includeGuarded = false,
): T[] {
  const candidates = open.filter(
    (p) => p.probability >= min && (includeGuarded || p.reason !== 'conflict'),
  );
  const seen = new Map<string, number>();
  for (const p of candidates) {
    seen.set(p.a, (seen.get(p.a) ?? 0) + 1);
    seen.set(p.b, (seen.get(p.b) ?? 0) + 1);
  }
  return candidates.filter((p) => seen.get(p.a) === 1 && seen.get(p.b) === 1);
}
