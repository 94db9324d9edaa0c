import { cyrillicLetters, LATIN_KEY_LETTERS } from './cyrillic-letters.js';

/*
 * Ukrainian and Russian letters meet in one key (и, і, ы, й all → i; е, є, э → e), so Курськ
 * and Курск, Оленівка and Olenivka, Луганськ and Lugansk meet; see cyrillic-letters.ts.
 */
export const CYRILLIC_KEY_LETTERS = cyrillicLetters('key');

// One lookup array by character code: keys are built for every word of every mention.
const SINGLE: (string | undefined)[] = [];
for (const [ch, to] of [
  ...Object.entries(CYRILLIC_KEY_LETTERS),
  ...Object.entries(LATIN_KEY_LETTERS),
]) {
  SINGLE[ch.charCodeAt(0)] = to;
}

/**
 * The sound a romanisation spells with two or more letters (shch, sh, ch, zh, kh, ts),
 * as one placeholder, and how many letters it took.
 */
function latinDigraph(word: string, i: number): readonly [string, number] | undefined {
  const a = word.charCodeAt(i);
  const b = word.charCodeAt(i + 1);
  switch (a) {
    case 115: // s
      if (b === 104) return word.startsWith('shch', i) ? ['W', 4] : ['S', 2];
      if (b === 99 && word.charCodeAt(i + 2) === 104) return ['W', 3];
      return undefined;
    case 99: // c
      if (b === 104) return ['C', 2];
      if (b === 107) return ['k', 2];
      return undefined;
    case 122: // z
      return b === 104 ? ['Z', 2] : undefined;
    case 107: // k
      return b === 104 ? ['X', 2] : undefined;
    case 116: // t
      return b === 115 || b === 122 ? ['T', 2] : undefined;
    case 121: // y: after a consonant, "yo" is ё, which Cyrillic text writes as е (Ozyorsk, Fyodor)
      return b === 111 && i > 0 && !/[aeiouy]/.test(word.charAt(i - 1)) ? ['e', 2] : undefined;
    default:
      return undefined;
  }
}

/**
 * A script-neutral key for one normalised word: the same or a near key for the Ukrainian,
 * Russian and Latin spellings of a name. Keys are compared, never shown.
 */
export function matchKey(word: string): string {
  let key = '';
  let last = '';
  for (let i = 0; i < word.length;) {
    const digraph = latinDigraph(word, i);
    const piece = digraph ? digraph[0] : (SINGLE[word.charCodeAt(i)] ?? word.charAt(i));
    i += digraph ? digraph[1] : 1;
    for (let k = 0; k < piece.length; k++) {
      const ch = piece.charAt(k);
      // Doubled letters (Комиссаровка, Shakhtinskii) and ie/ye (Dokuchaievsk, Yelenovka)
      // vary between spellings of one name; digits stay as they are (11 is not 1).
      if (ch === last && ch >= 'A' && ch <= 'z') continue;
      if (ch === 'e' && last === 'i') key = key.slice(0, -1);
      key += ch;
      last = ch;
    }
  }
  return key;
}
