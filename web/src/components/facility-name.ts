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
