import type { CompiledRecords, NameColumn } from './compile-records.js';
import { jaroWinkler } from './jaro-winkler.js';

/** The compared fields, in the order of their 3-bit slots in a comparison pattern. */
export const FIELDS = ['family', 'given', 'patronymic', 'birth', 'sex', 'unit'] as const;
export type FieldName = (typeof FIELDS)[number];

const NAME_LEVELS = [
  'missing',
  'exact',
  'equivalent',
  'one_edit',
  'jw_high',
  'jw_mid',
  'different',
  'unlike',
] as const;

/** Level names per field; level 0 is always `missing` and weighs nothing. */
export const LEVELS: Readonly<Record<FieldName, readonly string[]>> = {
  family: NAME_LEVELS,
  given: NAME_LEVELS,
  patronymic: NAME_LEVELS,
  birth: [
    'missing',
    'exact',
    'day_month_swapped',
    'one_day_apart',
    'same_month',
    'same_year',
    'one_year_apart',
    'different',
  ],
  sex: ['missing', 'agree', 'disagree'],
  unit: ['missing', 'agree', 'disagree'],
};

export const NAME_DIFFERENT = 6;
/**
 * Not alike, one of them not a name Polon knows (a garbled "Волоимирівна" against
 * "Владимировна"): weak evidence, never a conflict, unlike two different known names.
 */
const NAME_UNLIKE = 7;
const NAME_ONE_EDIT = 3;
export const BIRTH_DIFFERENT = 7;
export const SEX_DISAGREE = 2;

const JW_HIGH = 0.94;
const JW_MID = 0.88;

export function levelOf(pattern: number, field: number): number {
  return (pattern >>> (field * 3)) & 7;
}

/**
 * Whether two keys differ by one dropped letter or one swap of neighbours: the typos of
 * hand-copied lists. Doubled letters are folded in the keys already. A substitution is not
 * forgiven here: Коваль and Ковач, Ткач and Ткачук's stems, are different surnames.
 */
export function oneDropOrSwap(a: string, b: string): boolean {
  const n = a.length;
  const m = b.length;
  // By character codes, without slicing: this runs on millions of candidate pairs.
  if (n === m) {
    let k = 0;
    while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
    if (k >= n - 1) return false;
    if (a.charCodeAt(k) !== b.charCodeAt(k + 1) || a.charCodeAt(k + 1) !== b.charCodeAt(k)) {
      return false;
    }
    for (let t = k + 2; t < n; t++) if (a.charCodeAt(t) !== b.charCodeAt(t)) return false;
    return true;
  }
  if (n - m !== 1 && m - n !== 1) return false;
  const long = n > m ? a : b;
  const short = n > m ? b : a;
  if (short.length < 3) return false;
  let k = 0;
  while (k < short.length && long.charCodeAt(k) === short.charCodeAt(k)) k++;
  for (let t = k; t < short.length; t++) {
    if (long.charCodeAt(t + 1) !== short.charCodeAt(t)) return false;
  }
  return true;
}

function compareName(col: NameColumn, i: number, j: number, canonical: boolean): number {
  const ki = col.key[i] as number;
  const kj = col.key[j] as number;
  if (ki < 0 || kj < 0) return 0;
  if (ki === kj) return 1;
  const ei = col.equivalence[i] as number;
  const ej = col.equivalence[j] as number;
  if (ei >= 0 && ei === ej) return 2;
  // Two different known names (Олександр, Олексій) are different however alike they look.
  if (canonical && ei >= 0 && ej >= 0) return NAME_DIFFERENT;
  const a = col.keyTexts[ki] as string;
  const b = col.keyTexts[kj] as string;
  if (oneDropOrSwap(a, b)) return NAME_ONE_EDIT;
  const s = jaroWinkler(a, b);
  if (s >= JW_HIGH) return 4;
  if (s >= JW_MID) return 5;
  return canonical ? NAME_UNLIKE : NAME_DIFFERENT;
}

/** Exact (1) or one dropped or swapped letter (NAME_ONE_EDIT) between two name texts. */
function closeTexts(a: string, b: string): number {
  if (a === b) return 1;
  return oneDropOrSwap(a, b) ? NAME_ONE_EDIT : 0;
}

/**
 * Family and given name levels, also read in the other word order: a full name in one
 * column may have been split the wrong way round ("Петро Ткачнеко" against "Ткаченко
 * Петро"). Only a clear agreement both ways counts, so brothers are not mixed up.
 */
function compareFamilyAndGiven(c: CompiledRecords, i: number, j: number): number {
  // Both levels in one number (family | given << 3), so no array is made per pair.
  const family = compareName(c.family, i, j, false);
  const given = compareName(c.given, i, j, true);
  const same = family | (given << 3);
  if (family < NAME_DIFFERENT || given < NAME_DIFFERENT) return same;
  const fi = c.family.key[i] as number;
  const fj = c.family.key[j] as number;
  const gi = c.given.key[i] as number;
  const gj = c.given.key[j] as number;
  if (fi < 0 || fj < 0 || gi < 0 || gj < 0) return same;
  const crossFamily = closeTexts(c.family.keyTexts[fi] as string, c.given.keyTexts[gj] as string);
  const crossGiven = closeTexts(c.given.keyTexts[gi] as string, c.family.keyTexts[fj] as string);
  if (crossFamily > 0 && crossGiven > 0) return crossGiven | (crossFamily << 3);
  return same;
}

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function compareBirth(c: CompiledRecords, i: number, j: number): number {
  const yi = c.year[i] as number;
  const yj = c.year[j] as number;
  if (yi === 0 || yj === 0) return 0;
  const mi = c.month[i] as number;
  const mj = c.month[j] as number;
  const di = c.day[i] as number;
  const dj = c.day[j] as number;
  if (di > 0 && dj > 0) {
    if (yi === yj && mi === mj && di === dj) return 1;
    if (yi === yj && mi === dj && di === mj) return 2;
    if (Math.abs(dayNumber(yi, mi, di) - dayNumber(yj, mj, dj)) === 1) return 3;
    // A day off in each of two sources; brothers are not born days apart.
    if (yi === yj && mi === mj) return 4;
    return BIRTH_DIFFERENT;
  }
  if (yi === yj) {
    if (mi > 0 && mj > 0) {
      if (mi === mj) return 4;
      // A full date against a month: the month may be the full date's day written first,
      // or the full date a day over the month's edge.
      if (di > 0 || dj > 0) {
        const [m, d, month] = di > 0 ? [mi, di, mj] : [mj, dj, mi];
        if (d === month) return 2;
        const days = dayNumber(yi, m, d);
        for (const near of [days - 1, days + 1]) {
          if (new Date(near * 86_400_000).getUTCMonth() + 1 === month) return 3;
        }
      }
      return BIRTH_DIFFERENT;
    }
    return 5;
  }
  // Only a partial date may be a year off (an age turned into a year of birth).
  return Math.abs(yi - yj) === 1 ? 6 : BIRTH_DIFFERENT;
}

/** The comparison pattern of two records: one level per field, 3 bits each. */
export function comparePair(c: CompiledRecords, i: number, j: number): number {
  const names = compareFamilyAndGiven(c, i, j);
  const patronymic = compareName(c.patronymic, i, j, true);
  const birth = compareBirth(c, i, j);
  const si = c.sex[i] as number;
  const sj = c.sex[j] as number;
  const sex = si === 0 || sj === 0 ? 0 : si === sj ? 1 : SEX_DISAGREE;
  const ui = c.unit[i] as number;
  const uj = c.unit[j] as number;
  const unit = ui < 0 || uj < 0 ? 0 : ui === uj ? 1 : 2;
  return names | (patronymic << 6) | (birth << 9) | (sex << 12) | (unit << 15);
}

/**
 * Whether a pattern says two records are clearly different people, whatever their other
 * fields share: different given names or patronymics, different birth dates, different
 * sex. Brothers share a surname, a patronymic and often a unit; this is what keeps them
 * apart when a vaguer record links to both.
 */
export function isHardConflict(pattern: number): boolean {
  return (
    levelOf(pattern, 1) === NAME_DIFFERENT ||
    levelOf(pattern, 2) === NAME_DIFFERENT ||
    levelOf(pattern, 3) === BIRTH_DIFFERENT ||
    levelOf(pattern, 4) === SEX_DISAGREE
  );
}

/** `{ family: 'exact', birth: 'same_year', ... }` for reports and the review queue. */
export function describePattern(pattern: number): Record<FieldName, string> {
  const out = {} as Record<FieldName, string>;
  FIELDS.forEach((f, k) => {
    out[f] = LEVELS[f][levelOf(pattern, k)] ?? 'unknown';
  });
  return out;
}
