/*
 * The regular correspondences between Ukrainian and Russian spellings of one place name:
 * і ↔ и, и ↔ ы, ї → и, є ↔ е, -ськ ↔ -ск, -цьк ↔ -цк, final -ів ↔ -ов, -ове ↔ -ово,
 * -не ↔ -ное. Ukrainian и stands for both Russian и (Чаплинка) and ы (Камишин → Камышин),
 * so both guesses are returned. Irregular pairs (Таганріг/Таганрог, Вовчанськ/Волчанск)
 * belong in town-names.ts.
 */
type Rule = readonly [RegExp, string];

const UK_TO_RU_START: readonly Rule[] = [
  [/['’ʼ]/gu, ''],
  [/ськ/gu, 'ск'],
  [/цьк/gu, 'цк'],
  [/зьк/gu, 'зск'],
  [/ів(?=$|[\s-])/gu, 'ов'],
  [/ове(?=$|[\s-])/gu, 'ово'],
  [/([нк])е(?=$|[\s-])/gu, '$1ое'],
];
const UK_TO_RU_END: readonly Rule[] = [
  [/і/gu, 'и'],
  [/ї/gu, 'и'],
  [/є/gu, 'е'],
  [/ґ/gu, 'г'],
];

const RU_TO_UK: readonly Rule[] = [
  [/ё/gu, 'ьо'],
  [/ск(?=$|[\s-]|[аоиыу])/gu, 'ськ'],
  [/цк/gu, 'цьк'],
  [/ово(?=$|[\s-])/gu, 'ове'],
  [/([нк])ое(?=$|[\s-])/gu, '$1е'],
  [/ов(?=$|[\s-])/gu, 'ів'],
  [/и/gu, 'і'],
  [/ы/gu, 'и'],
  [/э/gu, 'е'],
  [/ъ/gu, "'"],
];

const apply = (text: string, rules: readonly Rule[]): string =>
  rules.reduce((s, [pattern, to]) => s.replace(pattern, to), text);

/** Likely spellings of a place name in the other language, most likely first. */
export function guessCounterpartSpellings(name: string, from: 'uk' | 'ru'): string[] {
  const lower = name.toLowerCase();
  const restoreCase = (s: string): string =>
    name === lower
      ? s
      : s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
  let guesses: string[];
  if (from === 'uk') {
    const start = apply(lower, UK_TO_RU_START);
    guesses = [apply(start.replace(/и/gu, 'ы'), UK_TO_RU_END), apply(start, UK_TO_RU_END)];
    // ы never follows к, г, х, ж, ш, ч, щ, ц in Russian spelling.
    guesses = guesses.map((g) => g.replace(/([кгхжшчщц])ы/gu, '$1и'));
  } else {
    guesses = [apply(lower, RU_TO_UK)];
  }
  return [...new Set(guesses.map(restoreCase))].filter((g) => g !== name);
}
