import type { PublicFacility } from '../../../contract/publication.js';

/**
 * A facility's name in the reader's language where the dataset has one. A Russian reader
 * without a Russian name gets the Ukrainian one (same script, mostly the same words) before
 * the English.
 */
export function facilityName(
  f: Pick<PublicFacility, 'nameEn' | 'nameUk' | 'nameRu'>,
  lang: string,
): string {
  if (lang === 'uk') return f.nameUk ?? f.nameEn;
  if (lang === 'ru') return f.nameRu ?? f.nameUk ?? f.nameEn;
  return f.nameEn;
}

/** A facility's region in the reader's language, or as the dataset writes it. */
export function regionName(
  f: Pick<PublicFacility, 'region' | 'regionUk' | 'regionRu'>,
  lang: string,
): string | null {
  if (lang === 'uk') return f.regionUk ?? f.region;
  if (lang === 'ru') return f.regionRu ?? f.region;
  return f.region;
}

/** A facility's settlement in the reader's language where Polon knows the town, else as written. */
export function settlementLabel(
  f: Pick<PublicFacility, 'settlement' | 'settlementUk' | 'settlementRu'>,
  lang: string,
): string | null {
  if (lang === 'uk') return f.settlementUk ?? f.settlement;
  if (lang === 'ru') return f.settlementRu ?? f.settlement;
  return f.settlement;
}
