import { LATIN_KEY_LETTERS } from '../cyrillic-letters.js';
import { CYRILLIC_KEY_LETTERS } from '../match-key.js';
import { normalise } from '../normalise.js';

/*
 * One table for Ukrainian and Russian letters (и, і, ы, й → i; е, є, э → e; г, ґ → g) and
 * one placeholder letter for each sound romanisations spell with several letters, so
 * Білик, Билык and Bilyk, or Ткачець and Tkachets, meet. The letters are the place-name
 * key's; the Latin rules are kept here: surnames need ts as ц at the end of a word
 * (Tkachets), where a place mention has English plurals.
 */
const CYRILLIC = CYRILLIC_KEY_LETTERS;

const LATIN_DIGRAPHS: readonly (readonly [RegExp, string])[] = [
  [/shch|sch|szcz/g, 'W'],
  [/tch/g, 'C'],
  [/sh|sz/g, 'S'],
  [/ch|cz/g, 'C'],
  [/zh/g, 'Z'],
  [/kh/g, 'X'],
  [/ts|tz/g, 'T'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
];

const collapse = (key: string): string => key.replace(/(.)\1+/g, '$1');

function wordKey(word: string): string {
  let latin = word;
  if (/[a-z]/.test(latin))
    for (const [pattern, to] of LATIN_DIGRAPHS) latin = latin.replace(pattern, to);
  let key = '';
  for (const ch of latin) key += CYRILLIC[ch] ?? LATIN_KEY_LETTERS[ch] ?? ch;
  // шч is how щ sounds; ie/ye and doubled letters vary between spellings of one name.
  return collapse(collapse(key).replace(/SC/g, 'W').replace(/ie/g, 'e'));
}

// Splitting a full name, telling a patronymic and looking up a given name each key the
// same words again: remembered, a million linkage records cost a few seconds less.
const keys = new Map<string, string>();
const MAX_CACHED_KEYS = 200_000;

/**
 * A script-neutral key for a personal name as written in any of Ukrainian, Russian or
 * Latin letters: each normalised word keyed, joined. Білик, Билык, Билик and Bilyk all give
 * `bilik`; Сергеевич and Sergeyevich both `sergeviC`. Keys are compared, never shown.
 */
export function personNameKey(text: string): string {
  let key = keys.get(text);
  if (key !== undefined) return key;
  key = '';
  for (const word of normalise(text).split(' ')) if (word !== '') key += wordKey(word);
  if (keys.size >= MAX_CACHED_KEYS) keys.clear();
  keys.set(text, key);
  return key;
}

const VOWELS = /[aeiou]/g;

/**
 * A phonetic key: the first letter of a person-name key and its consonants, repeats
 * folded. It absorbs the vowel changes between Ukrainian and Russian spellings of one
 * surname (Ковальов / Ковалёв / Kovalev → kvlv; Білоус / Белоус → blus → bls) at the price
 * of some collisions, so it serves as a blocking key and an "equivalent" level, never
 * alone as proof.
 */
export function phoneticKey(key: string): string {
  if (key.length <= 1) return key;
  return collapse(key.charAt(0) + key.slice(1).replace(VOWELS, ''));
}
