/*
 * The one table of Cyrillic letters: a row a letter of Ukrainian or Russian, a column a way
 * of writing it. Every romanisation and both comparison keys read their letters from here,
 * so a correction to a letter is made once.
 *
 * uk       Ukrainian national romanisation, Cabinet of Ministers resolution No. 55 of 2010
 *          (passports and maps); Russian-only letters as a Ukrainian reader writes them.
 * ukStart  the same at the start of a word (Yenakiieve, Yurii), where it differs.
 * uk1996   the Ukrainian passport rules of 1996, still in old passports and foreign registers.
 * ruBgn    BGN/PCGN 1947 for Russian (English-language maps), before its ye rule for е/ё;
 *          Ukrainian-only letters as a Russian reader writes them.
 * ruIcao   ICAO Doc 9303, Russian international passports since 2013.
 * key      the script-neutral comparison key: и, і, ы, й all i, е, є, э e, and one upper-case
 *          placeholder for each sound romanisations spell with several letters (ж Z, х X,
 *          ц T, ч C, ш S, щ W) so that kh, х and x agree.
 */
const ROWS = [
  // letter uk       ukStart uk1996  ruBgn   ruIcao  key
  ['а', 'a', 'a', 'a', 'a', 'a', 'a'],
  ['б', 'b', 'b', 'b', 'b', 'b', 'b'],
  ['в', 'v', 'v', 'v', 'v', 'v', 'v'],
  ['г', 'h', 'h', 'h', 'g', 'g', 'g'],
  ['ґ', 'g', 'g', 'g', 'g', 'g', 'g'],
  ['д', 'd', 'd', 'd', 'd', 'd', 'd'],
  ['е', 'e', 'e', 'e', 'e', 'e', 'e'],
  ['є', 'ie', 'ye', 'ye', 'ye', 'ye', 'ie'],
  ['ж', 'zh', 'zh', 'zh', 'zh', 'zh', 'Z'],
  ['з', 'z', 'z', 'z', 'z', 'z', 'z'],
  ['и', 'y', 'y', 'y', 'i', 'i', 'i'],
  ['і', 'i', 'i', 'i', 'i', 'i', 'i'],
  ['ї', 'i', 'yi', 'yi', 'yi', 'yi', 'i'],
  ['й', 'i', 'y', 'y', 'y', 'i', 'i'],
  ['к', 'k', 'k', 'k', 'k', 'k', 'k'],
  ['л', 'l', 'l', 'l', 'l', 'l', 'l'],
  ['м', 'm', 'm', 'm', 'm', 'm', 'm'],
  ['н', 'n', 'n', 'n', 'n', 'n', 'n'],
  ['о', 'o', 'o', 'o', 'o', 'o', 'o'],
  ['п', 'p', 'p', 'p', 'p', 'p', 'p'],
  ['р', 'r', 'r', 'r', 'r', 'r', 'r'],
  ['с', 's', 's', 's', 's', 's', 's'],
  ['т', 't', 't', 't', 't', 't', 't'],
  ['у', 'u', 'u', 'u', 'u', 'u', 'u'],
  ['ф', 'f', 'f', 'f', 'f', 'f', 'f'],
  ['х', 'kh', 'kh', 'kh', 'kh', 'kh', 'X'],
  ['ц', 'ts', 'ts', 'ts', 'ts', 'ts', 'T'],
  ['ч', 'ch', 'ch', 'ch', 'ch', 'ch', 'C'],
  ['ш', 'sh', 'sh', 'sh', 'sh', 'sh', 'S'],
  ['щ', 'shch', 'shch', 'shch', 'shch', 'shch', 'W'],
  ['ь', '', '', '', 'ʹ', '', ''],
  ['ю', 'iu', 'yu', 'yu', 'yu', 'iu', 'iu'],
  ['я', 'ia', 'ya', 'ya', 'ya', 'ia', 'ia'],
  ['ы', 'y', 'y', 'y', 'y', 'y', 'i'],
  ['э', 'e', 'e', 'e', 'e', 'e', 'e'],
  ['ё', 'io', 'io', 'yo', 'ë', 'e', 'e'],
  ['ъ', '', '', '', 'ʺ', 'ie', ''],
] as const satisfies readonly (readonly [string, string, string, string, string, string, string])[];

const COLUMNS = ['uk', 'ukStart', 'uk1996', 'ruBgn', 'ruIcao', 'key'] as const;
export type LetterColumn = (typeof COLUMNS)[number];

/** One column of the table: lower-case Cyrillic letter → how that system writes it. */
export function cyrillicLetters(column: LetterColumn): Readonly<Record<string, string>> {
  const at = COLUMNS.indexOf(column) + 1;
  return Object.fromEntries(ROWS.map((row) => [row[0], row[at] ?? '']));
}

/*
 * Latin letters the key writes as another (y and j are the i of Yurii and Jurij, h the г of
 * Hlukhiv beside Glukhov, c the k of Nicolai, x the ks of Alexandr). Both comparison keys,
 * of places and of persons, use them.
 */
export const LATIN_KEY_LETTERS: Readonly<Record<string, string>> = {
  y: 'i',
  j: 'i',
  h: 'g',
  x: 'ks',
  w: 'v',
  q: 'k',
  c: 'k',
};
