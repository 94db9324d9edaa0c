/**
 * A public count from 1 to threshold − 1 could single out a person (the one woman held at a
 * facility, the two civilians from one village), so public outputs show it only as a bound.
 * `roundedTo`: the value is rounded to the nearest multiple of it. `below: null`: withheld,
 * so that a hidden count cannot be worked out from the others (see disclosure-control.ts,
 * which applies the whole rule to person-derived tables).
 */
export type PublicCount =
  | { value: number; suppressed: false; roundedTo?: number }
  | { value: null; suppressed: true; below: number | null };

export function publicCount(n: number, threshold: number): PublicCount {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`a count must be a whole number ≥ 0, not ${n}`);
  if (n > 0 && n < threshold) return { value: null, suppressed: true, below: threshold };
  return { value: n, suppressed: false };
}

/** "<5" for a suppressed count, "not shown" for a withheld one, "≈190" for a rounded one. */
export const formatPublicCount = (
  c: PublicCount,
  format: (n: number) => string = String,
): string =>
  c.suppressed
    ? c.below === null
      ? 'not shown'
      : `<${c.below}`
    : `${c.roundedTo ? '≈' : ''}${format(c.value)}`;
