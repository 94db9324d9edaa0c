/**
 * Latin and Cyrillic letters that look the same. People type `CИЗО` with a Latin C or copy
 * `IK-1` with a Cyrillic І; to a computer those are different words.
 */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  ï: 'ї',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  Ï: 'Ї',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([lat, cyr]) => [cyr, lat]),
);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const HAS_LATIN = /\p{Script=Latin}/u;
const WORD = /\p{L}+/gu;

type Side = 'cyrillic' | 'latin';

/**
 * Rewrites the look-alike letters of each word into the script the word is really in: the
 * script of its letters that have no look-alike, or, when every letter has one, the script
 * that dominates the whole text.
 */
export function fixHomoglyphs(text: string): string {
  if (!HAS_CYRILLIC.test(text) || !HAS_LATIN.test(text)) return text;
  let textCyrillic = 0;
  let textLatin = 0;
  for (const ch of text) {
    if (CYRILLIC.test(ch)) textCyrillic++;
    else if (LATIN.test(ch)) textLatin++;
  }
  if (textCyrillic === 0 || textLatin === 0) return text;
  const dominant: Side = textCyrillic >= textLatin ? 'cyrillic' : 'latin';
  return text.replace(WORD, (word) => fixWord(word, dominant));
}

function fixWord(word: string, dominant: Side): string {
  let cyrillicOnly = 0;
  let latinOnly = 0;
  let cyrillic = 0;
  let latin = 0;
  for (const ch of word) {
    if (CYRILLIC.test(ch)) {
      cyrillic++;
      if (!(ch in CYRILLIC_TO_LATIN)) cyrillicOnly++;
    } else if (LATIN.test(ch)) {
      latin++;
      if (!(ch in LATIN_TO_CYRILLIC)) latinOnly++;
    }
  }
  if (cyrillic === 0 || latin === 0) return word;
  let target: Side = dominant;
  if (cyrillicOnly > latinOnly) target = 'cyrillic';
  else if (latinOnly > cyrillicOnly) target = 'latin';
  const table = target === 'cyrillic' ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = '';
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}
