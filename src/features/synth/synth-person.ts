import type { GivenName } from '../../names/person/index.js';
import { GIVEN_NAMES } from '../../names/person/index.js';
import { pick, seededRandom, weightedPicker } from './synth-random.js';

/** A military unit as Ukrainian and English sources write it. */
export interface SynthUnit {
  uk: string;
  ru: string;
  en: string;
}

const UNITS: readonly SynthUnit[] = [
  ['36 ОБрМП', '36-я ОБрМП', '36th Marine Brigade'],
  ['93 ОМБр', '93-я ОМБр', '93rd Mechanized Brigade'],
  ['72 ОМБр', '72-я ОМБр', '72nd Mechanized Brigade'],
  ['24 ОМБр', '24-я ОМБр', '24th Mechanized Brigade'],
  ['128 ОГШБр', '128-я ОГШБр', '128th Mountain Assault Brigade'],
  ['56 ОМПБр', '56-я ОМПБр', '56th Motorized Brigade'],
  ['53 ОМБр', '53-я ОМБр', '53rd Mechanized Brigade'],
  ['54 ОМБр', '54-я ОМБр', '54th Mechanized Brigade'],
  ['58 ОМПБр', '58-я ОМПБр', '58th Motorized Brigade'],
  ['59 ОМПБр', '59-я ОМПБр', '59th Motorized Brigade'],
  ['79 ОДШБр', '79-я ОДШБр', '79th Air Assault Brigade'],
  ['80 ОДШБр', '80-я ОДШБр', '80th Air Assault Brigade'],
  ['95 ОДШБр', '95-я ОДШБр', '95th Air Assault Brigade'],
  ['25 ОПДБр', '25-я ОПДБр', '25th Airborne Brigade'],
  ['92 ОШБр', '92-я ОШБр', '92nd Assault Brigade'],
  ['10 ОГШБр', '10-я ОГШБр', '10th Mountain Assault Brigade'],
  ['28 ОМБр', '28-я ОМБр', '28th Mechanized Brigade'],
  ['30 ОМБр', '30-я ОМБр', '30th Mechanized Brigade'],
  ['14 ОМБр', '14-я ОМБр', '14th Mechanized Brigade'],
  ['57 ОМПБр', '57-я ОМПБр', '57th Motorized Brigade'],
  ['35 ОБрМП', '35-я ОБрМП', '35th Marine Brigade'],
  ['501 ОБМП', '501-й ОБМП', '501st Marine Battalion'],
  ['12 БрОП', '12-я БрОП', '12th Special Purpose Brigade'],
  ['3 ОПСП', '3-й ОПСП', '3rd Border Detachment'],
  ['40 ОБрБО', '40-я ОБрТРО', '40th Territorial Defence Brigade'],
  ['110 ОМБр', '110-я ОМБр', '110th Mechanized Brigade'],
  ['115 ОМБр', '115-я ОМБр', '115th Mechanized Brigade'],
  ['17 ОТБр', '17-я ОТБр', '17th Tank Brigade'],
  ['1 ОТБр', '1-я ОТБр', '1st Tank Brigade'],
  ['44 ОАБр', '44-я ОАБр', '44th Artillery Brigade'],
].map(([uk, ru, en]) => ({ uk: uk ?? '', ru: ru ?? '', en: en ?? '' }));

/*
 * Surname stems and endings. The first stems are the commonest Ukrainian ones; the tail is
 * built from syllables, which gives tens of thousands of surnames with a realistic share
 * of namesakes.
 */
const STEMS = (
  'Коваль Бондар Ткач Шевч Кравч Мельнич Бойк Олійн Лис Савч Руд Павл Петр Марч Гриц Кузьм ' +
  'Лук Остап Мороз Пономар Гонч Федор Дорош Гаврил Литвин Сидор Біл Ярош Гуц Тимош Мирон ' +
  'Карп Клим Кос Левч Мац Наз Оліш Панч Рев Сем Тарас Усик Фесь Харч Цим Чорн Шаповал ' +
  'Юрч Яковл Андрущ Бабич Вакул Головч Дячен Жук Заїч Іщ Кирил Лесь Мазур Нестер Опанас ' +
  'Пилип Ромаш Стец Тертич'
).split(' ');
const ENDINGS = ['енко', 'ук', 'юк', 'чук', 'ишин', 'ський', 'ик', 'ак', 'ець', 'ич', 'ів', 'ун'];
const CONSONANTS = Array.from('бвгдзклмнпрстхцчш');
const VOWELS = Array.from('аеиоуі');

function buildSurnames(random: () => number): string[] {
  const out = new Set<string>();
  for (const stem of STEMS) for (const e of ENDINGS) out.add(stem + e);
  const head = [...out];
  const tail = new Set<string>();
  // Ukraine has hundreds of thousands of surnames; a pool too small for a million records
  // would make every name-only record ambiguous.
  while (tail.size < 200_000) {
    const stem =
      pick(random, CONSONANTS).toUpperCase() +
      pick(random, VOWELS) +
      pick(random, CONSONANTS) +
      (random() < 0.7 ? pick(random, VOWELS) + pick(random, CONSONANTS) : '') +
      (random() < 0.3 ? pick(random, VOWELS) + pick(random, CONSONANTS) : '');
    const s = stem + pick(random, ENDINGS);
    if (!out.has(s)) tail.add(s);
  }
  // Shuffle the common head so frequency does not follow the alphabet.
  for (let i = head.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [head[i], head[j]] = [head[j] as string, head[i] as string];
  }
  return [...head, ...tail];
}

export type SynthRelation = 'none' | 'brother' | 'son' | 'namesake';

/** One synthetic person: the truth behind the records. */
export interface SynthPerson {
  id: number;
  sex: 'm' | 'f';
  /** Ukrainian Cyrillic, masculine or feminine form as the person's sex requires. */
  family: string;
  given: GivenName;
  father: GivenName;
  birth: { year: number; month: number; day: number };
  unit: SynthUnit | undefined;
  civilian: boolean;
  /** How this person relates to the one generated just before (same surname). */
  relation: SynthRelation;
}

export interface PersonGeneratorOptions {
  seed?: number;
  /** Share of persons followed by a brother, a son, a namesake. */
  brothers?: number;
  sons?: number;
  namesakes?: number;
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function feminine(family: string): string {
  return family.endsWith('ський') ? `${family.slice(0, -5)}ська` : family;
}

/**
 * An endless, seeded stream of persons with realistic Ukrainian name frequencies (given
 * names by rank, surnames on a flattened Zipf curve), birth dates 1960–2005, units, a
 * small share of civilians and women, and relatives: brothers (same surname, patronymic
 * and often unit), fathers and sons, and namesakes (same name, another person).
 */
export function* generatePersons(options: PersonGeneratorOptions = {}): Generator<SynthPerson> {
  const random = seededRandom(options.seed ?? 1);
  const surnames = buildSurnames(random);
  const pickSurname = weightedPicker(surnames.map((_, i) => 1 / Math.pow(i + 1, 0.6)));
  const male = GIVEN_NAMES.filter((g) => g.sex === 'm');
  const female = GIVEN_NAMES.filter((g) => g.sex === 'f');
  const pickMale = weightedPicker(male.map((g) => 1 / Math.pow(g.rank, 1.15)));
  const pickFemale = weightedPicker(female.map((g) => 1 / Math.pow(g.rank, 1.1)));
  const brothers = options.brothers ?? 0.04;
  const sons = options.sons ?? 0.02;
  const namesakes = options.namesakes ?? 0.03;
  const birthDate = (from: number, to: number): SynthPerson['birth'] => {
    const year = from + Math.floor(random() * (to - from + 1));
    const month = 1 + Math.floor(random() * 12);
    return { year, month, day: 1 + Math.floor(random() * daysIn(year, month)) };
  };
  const maleName = (): GivenName => male[pickMale(random)] as GivenName;
  let id = 0;
  let previous: SynthPerson | undefined;
  for (;;) {
    id++;
    const r = random();
    let person: SynthPerson;
    if (previous && previous.sex === 'm' && r < brothers) {
      let given = maleName();
      while (given.id === previous.given.id) given = maleName();
      const year = Math.min(
        2005,
        Math.max(
          1960,
          previous.birth.year + (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 8)),
        ),
      );
      person = {
        ...previous,
        id,
        given,
        birth: birthDate(year, year),
        unit: random() < 0.6 ? previous.unit : pick(random, UNITS),
        relation: 'brother',
      };
    } else if (
      previous &&
      previous.sex === 'm' &&
      previous.birth.year <= 1980 &&
      r < brothers + sons
    ) {
      const year = Math.min(2005, previous.birth.year + 20 + Math.floor(random() * 10));
      person = {
        ...previous,
        id,
        given: random() < 0.2 ? previous.given : maleName(),
        father: previous.given,
        birth: birthDate(year, year),
        unit: random() < 0.3 ? previous.unit : pick(random, UNITS),
        relation: 'son',
      };
    } else if (previous && r < brothers + sons + namesakes) {
      person = {
        ...previous,
        id,
        father: random() < 0.3 ? previous.father : maleName(),
        birth: birthDate(1960, 2005),
        unit: pick(random, UNITS),
        relation: 'namesake',
      };
    } else {
      const civilian = random() < 0.1;
      const sex = random() < (civilian ? 0.25 : 0.05) ? 'f' : 'm';
      const family = surnames[pickSurname(random)] as string;
      person = {
        id,
        sex,
        family: sex === 'f' ? feminine(family) : family,
        given: sex === 'f' ? (female[pickFemale(random)] as GivenName) : maleName(),
        father: maleName(),
        birth: birthDate(1960, 2005),
        unit: civilian ? undefined : pick(random, UNITS),
        civilian,
        relation: 'none',
      };
    }
    previous = person;
    yield person;
  }
}
