import { matchKey, tokenise } from '../../names/index.js';
import type { Facility } from './facility.js';

const keysOf = (texts: (string | null)[]): string[] =>
  texts.flatMap((t) => (t ? tokenise(t).map(matchKey) : []));

/**
 * Facilities whose names, aliases, settlement or region contain every word of the query, in
 * any script: "Таганрог", "Taganrog" and "таганр" find the same places. A word may be the
 * start of a longer one, so a search box can filter as one types.
 */
export function searchFacilities(facilities: Facility[], query: string): Facility[] {
  const words = tokenise(query).map(matchKey).filter(Boolean);
  if (words.length === 0) return facilities;
  return facilities.filter((f) => {
    const keys = keysOf([
      f.nameEn,
      f.nameUk,
      f.nameRu,
      f.settlement,
      f.region,
      f.id.replace(/-/g, ' '),
      ...f.aliases,
    ]);
    return words.every((w) => keys.some((k) => k.startsWith(w)));
  });
}
