import { caseLike } from './case-like.js';
import { cyrillicLetters } from './cyrillic-letters.js';

/**
 * `bgn-pcgn`: the 1947 BGN/PCGN system used on English-language maps (Yelenovka,
 * Kamensk-Shakhtinskiy, Vyazʹma), without its optional middle dots. `icao`: ICAO Doc 9303,
 * the form in Russian international passports since 2013 (IULIIA, PODIEIACHEV).
 */
export type RussianRomanisation = 'bgn-pcgn' | 'icao';

const BGN = cyrillicLetters('ruBgn');
const ICAO = cyrillicLetters('ruIcao');

// BGN/PCGN writes е and ё with a y where they begin a syllable without a consonant.
const YE_AFTER = new Set(Array.from('аеёиоуыэюяйъь'));
const LETTER = /\p{L}/u;

export function transliterateRu(text: string, system: RussianRomanisation = 'bgn-pcgn'): string {
  const table = system === 'icao' ? ICAO : BGN;
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const lower = ch.toLowerCase();
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    let latin = table[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (system === 'bgn-pcgn' && (lower === 'е' || lower === 'ё')) {
      const prevLower = prev.toLowerCase();
      if (!LETTER.test(prev) || YE_AFTER.has(prevLower)) latin = `y${latin}`;
    }
    out += caseLike(latin, ch, prev, next);
  }
  return out;
}
