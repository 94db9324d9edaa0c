/**
 * A public count from 1 to threshold − 1 could single out a person (the one woman held at a
 * facility, the two civilians from one village), so public outputs show it only as a bound.
 * Zero stays zero: saying that no one is recorded reveals no one.
 */
export type PublicCount =
  { value: number; suppressed: false } | { value: null; suppressed: true; below: number };

export function publicCount(n: number, threshold: number): PublicCount {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`a count must be a whole number ≥ 0, not ${n}`);
  if (n > 0 && n < threshold) return { value: null, suppressed: true, below: threshold };
  return { value: n, suppressed: false };
}

/** "<5" for a suppressed count, the number itself otherwise. */
export const formatPublicCount = (
  c: PublicCount,
  format: (n: number) => string = String,
): string => (c.suppressed ? `<${c.below}` : format(c.value));
