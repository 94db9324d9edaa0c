import type { FacilityTerm } from './facility-vocabulary.js';

/*
 * Numbers written as words: "Pre-Trial Detention Facility Number Two", "другий СІЗО",
 * "второй изолятор". Ordinals are stems (друг* → другий, другої, другого); cardinals are
 * exact words, since "три" or "one" as a stem would swallow unrelated words.
 */
const ORDINALS: readonly (readonly [number, readonly string[]])[] = [
  [1, ['first', 'перв*', 'перш*']],
  [2, ['second', 'втор*', 'друг*']],
  [3, ['third', 'трет*']],
  [4, ['fourth', 'четверт*', 'четвёрт*']],
  [5, ['fifth', 'пят*']],
  [6, ['sixth', 'шест*', 'шост*']],
  [7, ['seventh', 'седьм*', 'сьом*']],
  [8, ['eighth', 'восьм*']],
  [9, ['ninth', 'девят*']],
  [10, ['tenth', 'десят*']],
  [11, ['eleventh', 'одиннадцат*', 'одинадцят*']],
  [12, ['twelfth', 'двенадцат*', 'дванадцят*']],
];

const CARDINALS: readonly (readonly [number, readonly string[]])[] = [
  [1, ['one', 'один', 'одна', 'одно']],
  [2, ['two', 'два', 'две', 'дві']],
  [3, ['three', 'три']],
  [4, ['four', 'четыре', 'чотири']],
  [5, ['five', 'пять']],
  [6, ['six', 'шесть', 'шість']],
  [7, ['seven', 'семь', 'сім']],
  [8, ['eight', 'восемь', 'вісім']],
  [9, ['nine', 'девять']],
  [10, ['ten', 'десять']],
];

export const ORDINAL_TERMS: readonly FacilityTerm[] = ORDINALS.flatMap(([value, words]) =>
  words.map((phrase) => ({ phrase, role: { kind: 'number', value } as const })),
);

/** Cardinal words count as numbers only after a marker (number two, номер два). */
export const CARDINAL_WORDS: ReadonlyMap<string, number> = new Map(
  CARDINALS.flatMap(([value, words]) => words.map((w) => [w, value] as const)),
);
