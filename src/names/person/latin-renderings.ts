import { caseLike } from '../case-like.js';
import { cyrillicLetters } from '../cyrillic-letters.js';
import { transliterateRu } from '../transliterate-ru.js';
import { transliterateUk } from '../transliterate-uk.js';

/*
 * The Ukrainian passport romanisation before 2010 (the 1996 rules, still in many old
 * passports and foreign registers): й is always y (Serhiy, Andriy), є ї ю я are always
 * ye yi yu ya, г is h, the soft sign is dropped.
 */
const LEGACY: Readonly<Record<string, string>> = {
  ...cyrillicLetters('uk1996'),
  "'": '',
  '’': '',
  ʼ: '',
};

export function legacyUkrainianPassport(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const latin = LEGACY[ch.toLowerCase()];
    out += latin === undefined ? ch : caseLike(latin, ch, chars[i - 1] ?? '', chars[i + 1] ?? '');
  }
  return out;
}

/*
 * How Russian text writes a Ukrainian surname: і → и, и → ы, ї → йи, є → е (ие after a
 * vowel), ґ → г, the apostrophe → ь. Білик → Билык, Коваленко stays.
 */
const UK_TO_RU: Readonly<Record<string, string>> = {
  і: 'и',
  и: 'ы',
  ї: 'йи',
  є: 'е',
  ґ: 'г',
  "'": 'ь',
  '’': 'ь',
  ʼ: 'ь',
};

export function russianSpellingOfUkrainian(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const to = UK_TO_RU[lower];
    if (to === undefined) out += ch;
    else out += ch === lower ? to : to.charAt(0).toUpperCase() + to.slice(1);
  }
  return out;
}

/** The Latin spellings of one name written in Ukrainian Cyrillic. */
export interface LatinRenderings {
  /** Cabinet of Ministers resolution No. 55 of 2010 (the current passport form). */
  ukNational: string;
  /** 1996 passport rules, before 2010. */
  ukLegacyPassport: string;
  /** Russian spelling, BGN/PCGN. */
  ruBgn: string;
  /** Russian spelling, ICAO Doc 9303 (Russian passports since 2013). */
  ruIcao: string;
}

/**
 * Every standard Latin form of a Ukrainian-Cyrillic name. Given names have Russian
 * counterparts of their own (see given-names.ts); here the Russian spelling is the
 * letter-by-letter one used for surnames.
 */
export function latinRenderings(ukrainian: string): LatinRenderings {
  const ru = russianSpellingOfUkrainian(ukrainian);
  return {
    ukNational: transliterateUk(ukrainian),
    ukLegacyPassport: legacyUkrainianPassport(ukrainian),
    ruBgn: transliterateRu(ru, 'bgn-pcgn').replace(/[ʹʺ]/g, ''),
    ruIcao: transliterateRu(ru, 'icao'),
  };
}
