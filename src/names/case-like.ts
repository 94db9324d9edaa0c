/**
 * Gives a romanised letter group the capitalisation of the Cyrillic letter it replaces:
 * `Щ` in `Щука` becomes `Shch`, in `ЩУКА` `SHCH`.
 */
export function caseLike(latin: string, source: string, prev: string, next: string): string {
  if (latin === '' || source === source.toLowerCase()) return latin;
  const isUpperLetter = (ch: string): boolean => ch !== ch.toLowerCase();
  const isLowerLetter = (ch: string): boolean => ch !== ch.toUpperCase();
  const shout = isUpperLetter(next) || (isUpperLetter(prev) && !isLowerLetter(next));
  if (shout || latin.length === 1) return latin.toUpperCase();
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}
