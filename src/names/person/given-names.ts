import { transliterateRu } from '../transliterate-ru.js';
import { transliterateUk } from '../transliterate-uk.js';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './given-name-data.js';
import { legacyUkrainianPassport } from './latin-renderings.js';
import { personNameKey } from './person-name-key.js';

export type PersonSex = 'm' | 'f';

/** One given name in all the spellings Polon knows. */
export interface GivenName {
  /** The canonical Ukrainian spelling, lower case (`олександр`): a stable id. */
  id: string;
  sex: PersonSex;
  /** 1 for the most common name of its sex. */
  rank: number;
  uk: readonly string[];
  ru: readonly string[];
  /** Every Latin spelling: standard romanisations and common press forms. */
  latin: readonly string[];
}

function parse(line: string, sex: PersonSex, rank: number): GivenName {
  const [ukPart = '', ruPart = '', latinPart = ''] = line.split('|');
  const split = (s: string): string[] => s.split(',').filter((x) => x !== '');
  const uk = split(ukPart);
  const ru = split(ruPart);
  const latin = new Set(split(latinPart));
  for (const form of uk) {
    latin.add(transliterateUk(form));
    latin.add(legacyUkrainianPassport(form));
  }
  for (const form of ru) {
    latin.add(transliterateRu(form, 'bgn-pcgn'));
    latin.add(transliterateRu(form, 'icao'));
  }
  return { id: uk[0] ?? '', sex, rank, uk, ru, latin: [...latin].map((s) => s.replace(/ʹ/g, '')) };
}

export const GIVEN_NAMES: readonly GivenName[] = [
  ...MALE_GIVEN_NAMES.map((line, i) => parse(line, 'm', i + 1)),
  ...FEMALE_GIVEN_NAMES.map((line, i) => parse(line, 'f', i + 1)),
];

const byId = new Map<string, GivenName>();
const byKey = new Map<string, GivenName>();
// Keys one letter shorter than a known key, for typos: a deletion in the query matches a
// known key directly, an insertion or substitution through these.
const byDeletion = new Map<string, GivenName | null>();

function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

for (const name of GIVEN_NAMES) {
  if (!byId.has(name.id)) byId.set(name.id, name);
  for (const form of [...name.uk, ...name.ru, ...name.latin]) {
    const key = personNameKey(form);
    if (key !== '' && !byKey.has(key)) byKey.set(key, name);
  }
}
for (const [key, name] of byKey) {
  if (key.length < 5) continue;
  for (const d of deletions(key)) {
    const seen = byDeletion.get(d);
    if (seen === undefined) byDeletion.set(d, name);
    else if (seen !== null && seen.id !== name.id) byDeletion.set(d, null);
  }
}

export function givenNameById(id: string): GivenName | undefined {
  return byId.get(id);
}

/**
 * The given name a spelling stands for, in any script: Олександр, Александр, Oleksandr,
 * Aleksandr and Alexander all give `олександр`. With `typos` (the default) a key of five
 * letters or more one edit away from exactly one known name counts too.
 */
export function lookupGivenName(
  text: string,
  options: { typos?: boolean } = {},
): GivenName | undefined {
  const key = personNameKey(text);
  if (key === '') return undefined;
  const exact = byKey.get(key);
  if (exact || options.typos === false || key.length < 5) return exact;
  const candidates = new Set<GivenName>();
  const viaDeletion = byDeletion.get(key);
  if (viaDeletion) candidates.add(viaDeletion);
  for (const d of deletions(key)) {
    const direct = byKey.get(d);
    if (direct && d.length >= 4) candidates.add(direct);
    const sub = byDeletion.get(d);
    if (sub) candidates.add(sub);
  }
  const ids = new Set([...candidates].map((c) => c.id));
  return ids.size === 1 ? [...candidates][0] : undefined;
}

/** Whether two spellings name the same given name (Сергій / Sergey). */
export function areGivenNamesEquivalent(a: string, b: string): boolean {
  const x = lookupGivenName(a);
  return x !== undefined && x.id === lookupGivenName(b)?.id;
}
