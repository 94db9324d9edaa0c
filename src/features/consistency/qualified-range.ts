/**
 * What a qualified figure allows: `exact` its value, `approx` the value ± a tolerance,
 * `more_than N` anything above N, `at_least N` from N on. Comparing two figures is asking
 * whether their ranges meet.
 */
export interface Range {
  lo: number;
  hi: number;
}

export function rangeOf(value: number, qualifier: string, tolerance: number): Range {
  switch (qualifier) {
    case 'approx':
      return { lo: value * (1 - tolerance), hi: value * (1 + tolerance) };
    case 'more_than':
      // Counts are whole numbers: "more than N" is at least N + 1; shares are not.
      return { lo: Number.isInteger(value) ? value + 1 : value + Number.EPSILON, hi: Infinity };
    case 'at_least':
      return { lo: value, hi: Infinity };
    default:
      return { lo: value, hi: value };
  }
}

export function meets(a: Range, b: Range): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

export function sumRanges(ranges: Range[]): Range {
  return ranges.reduce((s, r) => ({ lo: s.lo + r.lo, hi: s.hi + r.hi }), { lo: 0, hi: 0 });
}
