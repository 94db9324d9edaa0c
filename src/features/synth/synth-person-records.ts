import type { GivenName } from '../../names/person/index.js';
import {
  latinRenderings,
  russianPatronymic,
  russianSpellingOfUkrainian,
  ukrainianPatronymic,
} from '../../names/person/index.js';
import type { PersonGeneratorOptions, SynthPerson } from './synth-person.js';
import { generatePersons } from './synth-person.js';
import { LINK_INPUT_COLUMNS } from '../persons/index.js';
import { pick, seededRandom } from './synth-random.js';

/** The columns `polon link` reads, in order. */
export const PERSON_RECORD_COLUMNS = LINK_INPUT_COLUMNS;

export type PersonRecordRow = Record<(typeof PERSON_RECORD_COLUMNS)[number], string>;

export interface SynthPersonRecord {
  row: PersonRecordRow;
  /** Ground truth: the person behind the record. */
  personId: number;
}

export type SynthSource = 'ua_register' | 'ru_media' | 'icrc' | 'press' | 'testimony';

/** How often each source sees a person (before the cap of four sources a person). */
export const COVERAGE: readonly (readonly [SynthSource, number])[] = [
  ['ua_register', 0.7],
  ['ru_media', 0.35],
  ['icrc', 0.4],
  ['press', 0.2],
  ['testimony', 0.25],
];

export interface PersonRecordOptions extends PersonGeneratorOptions {
  /** How many records to produce. */
  records: number;
  /** Records are shuffled within a sliding pool of this size. Default 20,000. */
  shuffleWindow?: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

const CYRILLIC_LETTERS = Array.from('абвгдеєжзиіїйклмнопрстуфхцчшщьюя');
const LATIN_LETTERS = Array.from('abcdefghijklmnoprstuvyz');

/** One or two random edits (substitution, deletion, insertion, swap), sparing the first letter. */
function typo(random: () => number, text: string): string {
  const letters = /[a-z]/i.test(text) ? LATIN_LETTERS : CYRILLIC_LETTERS;
  let s = text;
  const edits = random() < 0.8 ? 1 : 2;
  for (let e = 0; e < edits && s.length > 3; e++) {
    const at = 1 + Math.floor(random() * (s.length - 1));
    const kind = Math.floor(random() * 4);
    const letter = pick(random, letters);
    if (kind === 0) s = s.slice(0, at) + letter + s.slice(at + 1);
    else if (kind === 1) s = s.slice(0, at) + s.slice(at + 1);
    else if (kind === 2) s = s.slice(0, at) + letter + s.slice(at);
    else if (at < s.length - 1)
      s = s.slice(0, at) + s.charAt(at + 1) + s.charAt(at) + s.slice(at + 2);
  }
  return s;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Writes one person as one source would: script, name forms, typos, partial dates. */
export class Renderer {
  private readonly latinCache = new Map<string, ReturnType<typeof latinRenderings>>();
  constructor(private readonly random: () => number) {}

  latin(text: string): ReturnType<typeof latinRenderings> {
    let r = this.latinCache.get(text);
    if (!r) {
      r = latinRenderings(text);
      this.latinCache.set(text, r);
    }
    return r;
  }

  /** The birth date as a source states it, with its kind of error. */
  date(p: SynthPerson, style: 'dotted' | 'iso', errors: number): string {
    const random = this.random;
    let { year, month, day } = p.birth;
    const r = random();
    if (r < errors && day <= 12 && day !== month) [month, day] = [day, month];
    else if (r < errors * 2) {
      const d = new Date(Date.UTC(year, month - 1, day + (random() < 0.5 ? -1 : 1)));
      year = d.getUTCFullYear();
      month = d.getUTCMonth() + 1;
      day = d.getUTCDate();
    }
    return style === 'dotted'
      ? `${pad(day)}.${pad(month)}.${year}`
      : `${year}-${pad(month)}-${pad(day)}`;
  }

  givenUk(g: GivenName): string {
    return capitalise(g.uk[0] ?? g.id);
  }

  givenRu(g: GivenName): string {
    return capitalise(g.ru[0] ?? g.id);
  }

  render(p: SynthPerson, source: SynthSource, recordId: string): PersonRecordRow {
    const random = this.random;
    const row: PersonRecordRow = {
      record_id: recordId,
      source,
      family_name: '',
      given_name: '',
      patronymic: '',
      full_name: '',
      birth_date: '',
      sex: '',
      unit: '',
    };
    const maybeTypo = (s: string, rate: number): string => (random() < rate ? typo(random, s) : s);
    switch (source) {
      case 'ua_register': {
        row.family_name = maybeTypo(p.family, 0.05);
        row.given_name = maybeTypo(this.givenUk(p.given), 0.03);
        if (random() < 0.95) row.patronymic = capitalise(ukrainianPatronymic(p.father.id, p.sex));
        if (random() < 0.95)
          row.birth_date = this.date(p, random() < 0.85 ? 'dotted' : 'iso', 0.02);
        row.sex = p.sex === 'm' ? 'ч' : 'ж';
        if (p.unit) row.unit = p.unit.uk;
        if (random() < 0.02) [row.family_name, row.given_name] = [row.given_name, row.family_name];
        break;
      }
      case 'ru_media': {
        const family = maybeTypo(russianSpellingOfUkrainian(p.family), 0.06);
        const given = this.givenRu(p.given);
        const patronymic = capitalise(russianPatronymic(p.father.ru[0] ?? p.father.id, p.sex));
        if (random() < 0.7) {
          row.full_name =
            random() < 0.85
              ? `${family} ${given} ${patronymic}`
              : `${given} ${patronymic} ${family}`;
        } else {
          row.family_name = family;
          row.given_name = given;
          row.patronymic = random() < 0.8 ? patronymic : '';
        }
        const r = random();
        if (r < 0.7) row.birth_date = String(p.birth.year);
        else if (r < 0.8) row.birth_date = this.date(p, 'iso', 0.02);
        if (p.unit && random() < 0.3) row.unit = p.unit.ru;
        break;
      }
      case 'icrc': {
        const legacy = random() < 0.4;
        const form = (s: string): string => {
          const l = this.latin(s);
          return legacy ? l.ukLegacyPassport : l.ukNational;
        };
        row.family_name = maybeTypo(form(p.family).toUpperCase(), 0.03);
        row.given_name = form(this.givenUk(p.given));
        if (random() < 0.5)
          row.patronymic = form(capitalise(ukrainianPatronymic(p.father.id, p.sex)));
        if (random() < 0.8) row.birth_date = this.date(p, 'iso', 0.03);
        else if (random() < 0.5) row.birth_date = String(p.birth.year);
        row.sex = p.sex === 'm' ? 'M' : 'F';
        break;
      }
      case 'press': {
        const l = this.latin(p.family);
        const family = random() < 0.7 ? l.ukNational : l.ruBgn;
        const given = pick(random, p.given.latin);
        const full =
          random() < 0.85 ? `${capitalise(given)} ${family}` : `${family} ${capitalise(given)}`;
        row.full_name = maybeTypo(full, 0.04);
        if (random() < 0.4) row.birth_date = String(p.birth.year + (random() < 0.15 ? -1 : 0));
        if (p.unit && random() < 0.4) row.unit = p.unit.en;
        break;
      }
      case 'testimony': {
        // A fellow prisoner remembers a surname with a given name or a unit, rarely a year.
        row.family_name = maybeTypo(p.family, 0.1);
        const withGiven = !p.unit || random() < 0.7;
        if (withGiven) row.given_name = maybeTypo(this.givenUk(p.given), 0.05);
        if (random() < 0.3) row.birth_date = String(p.birth.year);
        if (p.unit && (!withGiven || random() < 0.5)) row.unit = p.unit.uk;
        break;
      }
    }
    return row;
  }
}

/**
 * Synthetic records about synthetic persons with the truth behind them: each person seen
 * by one to four sources, each source writing names its own way (Ukrainian, Russian or
 * Latin letters; Russian given-name forms; press forms and given-name-first order), with
 * typos, swapped name columns, partial dates, day/month swaps, dates a day off, missing
 * fields, namesakes and relatives. Lazy and seeded: a million records take a few seconds
 * and little memory; the same seed gives the same records.
 */
export function* generatePersonRecords(options: PersonRecordOptions): Generator<SynthPersonRecord> {
  const random = seededRandom((options.seed ?? 1) ^ 0x5eed);
  const renderer = new Renderer(random);
  const persons = generatePersons(options);
  const windowSize = Math.max(1, options.shuffleWindow ?? 20_000);
  const pool: SynthPersonRecord[] = [];
  let produced = 0;
  let sequence = 0;
  const take = (): SynthPersonRecord => {
    const k = Math.floor(random() * pool.length);
    const out = pool[k] as SynthPersonRecord;
    pool[k] = pool[pool.length - 1] as SynthPersonRecord;
    pool.pop();
    return out;
  };
  while (produced + pool.length < options.records) {
    const person = persons.next().value as SynthPerson;
    let sources = COVERAGE.filter(([, p]) => random() < p).map(([s]) => s);
    if (sources.length === 0) sources = ['ua_register'];
    while (sources.length > 4) sources.splice(Math.floor(random() * sources.length), 1);
    // Now and then a register lists one person twice.
    if (sources.includes('ua_register') && random() < 0.02) sources.push('ua_register');
    for (const source of sources) {
      if (produced + pool.length >= options.records) break;
      sequence++;
      pool.push({ row: renderer.render(person, source, `r${sequence}`), personId: person.id });
    }
    while (pool.length >= windowSize) {
      produced++;
      yield take();
    }
  }
  while (pool.length > 0) {
    produced++;
    yield take();
  }
}
