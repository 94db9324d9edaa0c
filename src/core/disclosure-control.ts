import type { PublicCount } from './small-count.js';

/**
 * Statistical disclosure control for a set of linked additive tables (the people held =
 * known + last known + unknown; known = the sum over regions = the sum over facilities).
 * Suppressing each small count on its own is not enough: a reader subtracts the published
 * parts from a published total and gets the hidden one back, and compares two days to get
 * exact changes. The rule, as in the ONS and Eurostat guidance on tabular data:
 *
 * 1. Primary: while any person is counted, every count below the threshold is shown as
 *    "<threshold", zero included. A zero beside a hidden count would say where the hidden
 *    people are (every other facility 0: all of them are at the one shown as "<5").
 * 2. Rounding: every count at or above the threshold is rounded to the nearest multiple of
 *    the threshold (the base), so that no total is an exact sum of its parts and two days
 *    give no exact change.
 * 3. Complementary: the published cells are then attacked as a reader would (each total
 *    less every other part, across every relation, until nothing narrows); while a hidden
 *    count from 1 to threshold − 1 comes out as one exact number, one more cell of a
 *    relation it is in is withheld ("not shown"): the smallest published part beside it,
 *    else the relation's total.
 *
 * With no person counted at all, every count is 0 and shown as 0: that reveals no one.
 * A threshold of 1 turns the control off (every count exact).
 */

export interface CountTable {
  /** Every cell of the tables: its key and its true count. */
  counts: ReadonlyMap<string, number>;
  /** Additive relations: the total is the sum of the parts. */
  sums: readonly { total: string; parts: readonly string[] }[];
  /** Cells that are never published, whose counts still tie the relations together. */
  unpublished?: ReadonlySet<string>;
}

export interface Range {
  lo: number;
  hi: number;
}

/** A count rounded to the nearest multiple of `base`, halves up. */
export const roundTo = (n: number, base: number): number => Math.floor(n / base + 0.5) * base;

/** The true counts a published cell allows, as its documented reading says. */
export function rangeOf(c: PublicCount, threshold: number): Range {
  if (c.suppressed) return c.below === null ? { lo: 0, hi: Infinity } : { lo: 0, hi: c.below - 1 };
  const base = c.roundedTo;
  if (!base) return { lo: c.value, hi: c.value };
  return {
    lo: Math.max(threshold, c.value - Math.floor(base / 2)),
    hi: c.value + Math.ceil(base / 2) - 1,
  };
}

/**
 * What a reader can work out: every range narrowed by every relation (a part is at least the
 * total less the others' largest values, at most the total less their smallest) until none
 * narrows further.
 */
export function narrowRanges(
  start: ReadonlyMap<string, Range>,
  sums: CountTable['sums'],
): Map<string, Range> {
  const r = new Map([...start].map(([k, v]) => [k, { ...v }]));
  const get = (k: string): Range => {
    let x = r.get(k);
    if (!x) r.set(k, (x = { lo: 0, hi: Infinity }));
    return x;
  };
  const tighten = (x: Range, lo: number, hi: number): boolean => {
    const changed = lo > x.lo || hi < x.hi;
    x.lo = Math.max(x.lo, lo);
    x.hi = Math.min(x.hi, hi);
    return changed;
  };
  // Each pass narrows some bound by at least one; the cap only guards against a bug.
  for (let pass = 0; pass < 10_000; pass++) {
    let changed = false;
    for (const s of sums) {
      const parts = s.parts.map(get);
      const total = get(s.total);
      const lo = parts.reduce((a, x) => a + x.lo, 0);
      const hi = parts.reduce((a, x) => a + x.hi, 0);
      changed = tighten(total, lo, hi) || changed;
      for (const x of parts) {
        const othersHi = hi - x.hi;
        const othersLo = lo - x.lo;
        changed =
          tighten(
            x,
            Number.isFinite(othersHi) ? total.lo - othersHi : 0,
            Number.isFinite(total.hi) ? total.hi - othersLo : Infinity,
          ) || changed;
      }
    }
    // A relation the counts do not satisfy empties a range; narrowing further means nothing.
    if (!changed || [...r.values()].some((x) => x.lo > x.hi)) break;
  }
  return r;
}

export interface ControlOptions {
  threshold: number;
  /** The rounding base; the threshold unless said otherwise. */
  base?: number;
}

const primary = (n: number, threshold: number, base: number): PublicCount => {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`a count must be a whole number ≥ 0, not ${n}`);
  if (n < threshold) return { value: null, suppressed: true, below: threshold };
  return base > 1
    ? { value: roundTo(n, base), suppressed: false, roundedTo: base }
    : { value: n, suppressed: false };
};

const WITHHELD: PublicCount = { value: null, suppressed: true, below: null };

/** The published cell of every key of the table (unpublished keys included, unused). */
export function controlDisclosure(
  table: CountTable,
  options: ControlOptions,
): Map<string, PublicCount> {
  const { threshold } = options;
  const base = options.base ?? threshold;
  const out = new Map<string, PublicCount>();
  // A threshold of 1 asks for no control at all: every count is shown as it is.
  const anyone = threshold > 1 && [...table.counts.values()].some((n) => n > 0);
  for (const [k, n] of table.counts)
    out.set(k, anyone ? primary(n, threshold, base) : primary(n, 0, 1));
  if (!anyone) return out;

  const unpublished = table.unpublished ?? new Set<string>();
  const relationsOf = new Map<string, string[][]>();
  for (const s of table.sums) {
    const cells = [s.total, ...s.parts];
    for (const k of cells) relationsOf.set(k, [...(relationsOf.get(k) ?? []), cells]);
  }
  const trueCount = (k: string): number => table.counts.get(k) ?? 0;
  const sensitive = (k: string): boolean => trueCount(k) >= 1 && trueCount(k) < threshold;
  const shown = (k: string): boolean => !unpublished.has(k) && out.get(k)?.suppressed === false;

  for (;;) {
    const start = new Map<string, Range>();
    for (const [k, c] of out) if (!unpublished.has(k)) start.set(k, rangeOf(c, threshold));
    const ranges = narrowRanges(start, table.sums);
    const pinned = [...ranges].filter(([k, x]) => x.lo === x.hi && sensitive(k)).map(([k]) => k);
    if (pinned.length === 0) return out;
    let withheld = 0;
    for (const k of pinned) {
      // The smallest published cell beside it first: it costs the reader least.
      const candidates = (relationsOf.get(k) ?? [])
        .flatMap((cells) => {
          const [total, ...parts] = cells;
          const others = parts.filter((p) => p !== k && shown(p));
          return others.length || total === undefined || total === k || !shown(total)
            ? others
            : [total];
        })
        .sort((a, b) => trueCount(a) - trueCount(b) || a.localeCompare(b));
      const pick = candidates[0];
      if (pick !== undefined && out.get(pick) !== WITHHELD) {
        out.set(pick, WITHHELD);
        withheld++;
      }
    }
    if (withheld > 0) continue;
    // Nothing published is left beside a pinned count: its relations go whole, and if they
    // already have, every cell does (never reached by the tables Polon publishes).
    let changed = false;
    for (const k of pinned)
      for (const cells of relationsOf.get(k) ?? [])
        for (const c of cells)
          if (out.get(c) !== WITHHELD) {
            out.set(c, WITHHELD);
            changed = true;
          }
    if (!changed) {
      for (const k of out.keys()) out.set(k, WITHHELD);
      return out;
    }
  }
}
