import {
  editDistance,
  lookupGivenName,
  patronymicFather,
  patronymicStem,
  personNameKey,
  splitFullName,
} from '../../names/index.js';

export type NamePart = 'family' | 'given' | 'patronymic';
export const NAME_PARTS: readonly NamePart[] = ['family', 'given', 'patronymic'];

/** agree: the same name in any script; partial: one typo apart; disagree; missing: one side has none. */
export type PartAgreement = 'agree' | 'partial' | 'disagree' | 'missing';

export interface PartComparison {
  level: PartAgreement;
  /** The words compared, as each record wrote them (taken from its full name if need be). */
  a: string | null;
  b: string | null;
}

export interface NameFields {
  familyName: string | null;
  givenName: string | null;
  patronymic: string | null;
  fullName: string | null;
}

type Slots = Record<NamePart, string | null>;

const present = (s: string | null): s is string => s !== null && s.trim() !== '';

/** Longer surnames keep two edits' worth of typos (Bondarchk / Бондарчук is one). */
const typoBudget = (x: string, y: string) => (Math.min(x.length, y.length) >= 8 ? 2 : 1);

const VOWEL = /[aeiou]/;

/** The same letters but for vowels in the same places (kovalov / kovalev). */
function vowelsApart(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const a = x.charAt(i);
    const b = y.charAt(i);
    if (a !== b && !(VOWEL.test(a) && VOWEL.test(b))) return false;
  }
  return true;
}

/** How one word compares with another in the role of `part`, on the cross-script keys. */
export function comparePart(
  part: NamePart,
  x: string,
  y: string,
): Exclude<PartAgreement, 'missing'> {
  if (part === 'patronymic') {
    const sx = patronymicStem(x);
    const sy = patronymicStem(y);
    if (sx !== '' && sx === sy) return 'agree';
    const fx = patronymicFather(x);
    if (fx !== undefined && fx.id === patronymicFather(y)?.id) return 'agree';
    return sx !== '' && sy !== '' && editDistance(sx, sy, 2) <= 1 ? 'partial' : 'disagree';
  }
  const kx = personNameKey(x);
  const ky = personNameKey(y);
  if (kx === '' || ky === '') return 'disagree';
  if (kx === ky) return 'agree';
  if (part === 'given') {
    const gx = lookupGivenName(x, { typos: false });
    if (gx !== undefined && gx.id === lookupGivenName(y, { typos: false })?.id) return 'agree';
  } else if (vowelsApart(kx, ky)) {
    // Ковальов / Kovalev: the Ukrainian and Russian vowels of one surname; a vowel dropped
    // or moved (Bondarchk, Ткачнеко) is a typo, not another spelling.
    return 'agree';
  }
  return editDistance(kx, ky, 3) <= typoBudget(kx, ky) ? 'partial' : 'disagree';
}

const SCORE: Record<PartAgreement, number> = { agree: 3, partial: 2, disagree: 0, missing: 0 };

function compareSlots(a: Slots, b: Slots): Record<NamePart, PartComparison> {
  const out = {} as Record<NamePart, PartComparison>;
  for (const part of NAME_PARTS) {
    const x = a[part];
    const y = b[part];
    out[part] = {
      a: x,
      b: y,
      level: present(x) && present(y) ? comparePart(part, x, y) : 'missing',
    };
  }
  return out;
}

function wordsOf(fullName: string): string[] {
  return fullName
    .split(/[\s,;]+/u)
    .map((w) => w.trim())
    .filter((w) => w !== '' && !/^\p{L}\.?$/u.test(w));
}

/** Every way to give distinct words to the slots in `parts` (a slot may get none). */
function* assignments(
  parts: NamePart[],
  words: string[],
  used = new Set<number>(),
): Generator<(number | null)[]> {
  if (parts.length === 0) {
    yield [];
    return;
  }
  const [, ...rest] = parts;
  let any = false;
  for (let w = 0; w < words.length; w++) {
    if (used.has(w)) continue;
    any = true;
    used.add(w);
    for (const tail of assignments(rest, words, used)) yield [w, ...tail];
    used.delete(w);
  }
  // Leaving the slot empty only when the words have run out keeps every reading whole.
  if (!any || words.length - used.size < parts.length)
    for (const tail of assignments(rest, words, used)) yield [null, ...tail];
}

/**
 * Reads a full name against the other record's parts: each of its words may stand in any
 * slot (Savchuk Dmytro and Dmytro Savchuk alike), and the reading that agrees best wins; a
 * tie goes to how the full name splits by itself. Words left over fill the slots the other
 * record leaves empty, as splitting reads them, to be shown as missing there.
 */
function readAgainst(fullName: string, other: Slots): Slots {
  const words = wordsOf(fullName).slice(0, 6);
  const natural = splitFullName(fullName);
  const filled = NAME_PARTS.filter((p) => present(other[p]));
  let best: { score: number; natural: number; slots: Slots } | undefined;
  for (const pick of assignments(filled, words)) {
    const slots: Slots = { family: null, given: null, patronymic: null };
    let score = 0;
    let agreesWithSplit = 0;
    pick.forEach((w, i) => {
      const part = filled[i] as NamePart;
      if (w === null) return;
      const word = words[w] as string;
      slots[part] = word;
      score += SCORE[comparePart(part, word, other[part] as string)];
      if (natural[part].split(' ').includes(word)) agreesWithSplit++;
    });
    if (!best || score > best.score || (score === best.score && agreesWithSplit > best.natural))
      best = { score, natural: agreesWithSplit, slots };
  }
  const slots = best?.slots ?? { family: null, given: null, patronymic: null };
  const taken = new Set(Object.values(slots));
  for (const part of NAME_PARTS) {
    if (slots[part] !== null) continue;
    const left = natural[part]
      .split(' ')
      .filter((w) => w !== '' && !taken.has(w))
      .join(' ');
    if (left !== '') slots[part] = left;
  }
  return slots;
}

function slotsOf(r: NameFields): Slots | null {
  if (present(r.familyName) || present(r.givenName) || present(r.patronymic))
    return { family: r.familyName, given: r.givenName, patronymic: r.patronymic };
  return null;
}

/**
 * Family name, given name and patronymic of two records compared part by part, in any
 * script, when one (or both) wrote only a full name: "Savchuk Dmytro" against Савчук /
 * Дмитро / Іванович gives family agree, given agree, patronymic missing.
 */
export function compareNameParts(a: NameFields, b: NameFields): Record<NamePart, PartComparison> {
  const sa = slotsOf(a);
  const sb = slotsOf(b);
  if (sa && sb) return compareSlots(sa, sb);
  if (sa && present(b.fullName)) return compareSlots(sa, readAgainst(b.fullName, sa));
  if (sb && present(a.fullName)) return compareSlots(readAgainst(a.fullName, sb), sb);
  if (present(a.fullName) && present(b.fullName)) {
    const split = splitFullName(a.fullName);
    const asSlots: Slots = {
      family: split.family || null,
      given: split.given || null,
      patronymic: split.patronymic || null,
    };
    return compareSlots(asSlots, readAgainst(b.fullName, asSlots));
  }
  const empty: Slots = { family: null, given: null, patronymic: null };
  return compareSlots(sa ?? empty, sb ?? empty);
}
