import { caseLike } from './case-like.js';
import { cyrillicLetters } from './cyrillic-letters.js';

/*
 * Ukrainian romanisation of the Cabinet of Ministers resolution No. 55 of 27 January 2010,
 * the national standard for passports and maps. Є, Ї, Й, Ю, Я have a word-initial form
 * (Yenakiieve, Yizhakevych, Yosypivka, Yurii, Yahotyn); зг is written zgh to keep it apart
 * from ж (Zghorany); the soft sign and the apostrophe are not written.
 */
const PLAIN = cyrillicLetters('uk');
const INITIAL = cyrillicLetters('ukStart');
const APOSTROPHE = /['’ʼ`]/u;
const LETTER = /\p{L}/u;

export function transliterateUk(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const lower = ch.toLowerCase();
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if (APOSTROPHE.test(ch) && LETTER.test(prev) && LETTER.test(next)) continue;
    const plain = PLAIN[lower];
    if (plain === undefined) {
      out += ch;
      continue;
    }
    const wordInitial = !LETTER.test(prev) && !APOSTROPHE.test(prev);
    let latin = (wordInitial ? INITIAL[lower] : undefined) ?? plain;
    if (lower === 'г' && prev.toLowerCase() === 'з') latin = 'gh';
    out += caseLike(latin, ch, prev, next);
  }
  return out;
}
