import type { GivenName } from './given-names.js';
import { GIVEN_NAMES, givenNameById } from './given-names.js';
import { personNameKey } from './person-name-key.js';

/*
 * Patronymic endings in person-name-key space (ч → C, y → i, doubled letters folded), most
 * specific first: Петрович / Petrovych / Petrovich → petroviC; Сергійович / Serhiiovych →
 * sergioviC; Сергеевич / Sergeyevich → sergeviC; Ілліч / Ильич → iliC; Петрівна /
 * Петровна → petrivna / petrovna; Ильинична → iliniCna.
 */
const ENDINGS: readonly RegExp[] = [
  /ioviC$/,
  /oviC$/,
  /eviC$/,
  /viC$/,
  /iC$/,
  /iniCna$/,
  /iCna$/,
  /ivna$/,
  /ovna$/,
  /evna$/,
];
const FEMALE_ENDING = /(?:vna|Cna)$/;
const TRAILING_VOWELS = /[aeiou]+$/;

function stemOfName(key: string): string {
  const stem = key.replace(TRAILING_VOWELS, '');
  return stem.length >= 2 ? stem : key;
}

/**
 * The father's-name stem of a patronymic in any script, or of a given name: Петрович,
 * Petrovych, Petrovich and Петро all give `petr`. Unrecognised endings leave the key as is.
 */
export function patronymicStem(text: string): string {
  const key = personNameKey(text);
  for (const ending of ENDINGS) {
    if (ending.test(key)) {
      const base = key.replace(ending, '');
      if (base.length >= 2) return stemOfName(base);
    }
  }
  return key;
}

export function looksLikePatronymic(text: string): boolean {
  const key = personNameKey(text);
  return key.length > 5 && ENDINGS.some((e) => e.test(key));
}

/** Whether a patronymic is a daughter's (Петрівна, Petrovna), if it says. */
export function patronymicSex(text: string): 'm' | 'f' | undefined {
  const key = personNameKey(text);
  if (!ENDINGS.some((e) => e.test(key))) return undefined;
  return FEMALE_ENDING.test(key) ? 'f' : 'm';
}

const byStem = new Map<string, GivenName>();
function addStem(stem: string, name: GivenName): void {
  if (stem !== '' && !byStem.has(stem)) byStem.set(stem, name);
}
for (const name of GIVEN_NAMES) {
  if (name.sex !== 'm') continue;
  for (const form of [...name.uk, ...name.ru, ...name.latin]) {
    addStem(stemOfName(personNameKey(form)), name);
    // Федір → Федорович, Яків → Якович: і of the last syllable turns back into о.
    const alternated = form.replace(/і(\p{L})$/u, 'о$1');
    if (alternated !== form) addStem(stemOfName(personNameKey(alternated)), name);
  }
}
// Лев → Львович, Павел → Павлович (stem from Павло already), Пётр → Петрович.
const lev = givenNameById('лев');
if (lev) addStem('lv', lev);

/** The father's given name a patronymic is formed from, if Polon knows it. */
export function patronymicFather(text: string): GivenName | undefined {
  return byStem.get(patronymicStem(text));
}

const UK_SPECIAL: Readonly<Record<string, readonly [string, string]>> = {
  ілля: ['ілліч', 'іллівна'],
  кузьма: ['кузьмич', 'кузьмівна'],
  лука: ['лукич', 'луківна'],
  хома: ['хомич', 'хомівна'],
  сава: ['савич', 'савівна'],
  лев: ['львович', 'львівна'],
  григорій: ['григорович', 'григорівна'],
  федір: ['федорович', 'федорівна'],
  яків: ['якович', 'яківна'],
};
const RU_SPECIAL: Readonly<Record<string, readonly [string, string]>> = {
  илья: ['ильич', 'ильинична'],
  кузьма: ['кузьмич', 'кузьминична'],
  лука: ['лукич', 'лукинична'],
  фома: ['фомич', 'фоминична'],
  никита: ['никитич', 'никитична'],
  савва: ['саввич', 'саввична'],
  лев: ['львович', 'львовна'],
  павел: ['павлович', 'павловна'],
  петр: ['петрович', 'петровна'],
  пётр: ['петрович', 'петровна'],
};

/** The Ukrainian patronymic formed from a Ukrainian given name (Петро → Петрович / Петрівна). */
export function ukrainianPatronymic(father: string, sex: 'm' | 'f'): string {
  const f = father.toLowerCase();
  const special = UK_SPECIAL[f];
  if (special) return sex === 'm' ? special[0] : special[1];
  let m: string;
  let w: string;
  if (f.endsWith('ій')) {
    m = `${f}ович`;
    w = `${f.slice(0, -1)}ївна`;
  } else if (f === 'микола') {
    m = 'миколайович';
    w = 'миколаївна';
  } else if (f.endsWith('о') || f.endsWith('а')) {
    m = `${f.slice(0, -1)}ович`;
    w = `${f.slice(0, -1)}івна`;
  } else if (f.endsWith('ь')) {
    m = `${f}ович`;
    w = `${f.slice(0, -1)}івна`;
  } else if (f.endsWith('я')) {
    m = `${f.slice(0, -1)}ьович`;
    w = `${f.slice(0, -1)}івна`;
  } else {
    m = `${f}ович`;
    w = `${f}івна`;
  }
  return sex === 'm' ? m : w;
}

/** The Russian patronymic formed from a Russian given name (Сергей → Сергеевич / Сергеевна). */
export function russianPatronymic(father: string, sex: 'm' | 'f'): string {
  const f = father.toLowerCase();
  const special = RU_SPECIAL[f];
  if (special) return sex === 'm' ? special[0] : special[1];
  let stem: string;
  let soft = false;
  if (/[^аеиоуыэюя][бвгджзклмнпрстфхцчшщ][иы]й$/u.test(f)) {
    // Дмитрий → Дмитриевич, Георгий → Георгиевич: two consonants keep the и.
    stem = f.slice(0, -1);
    soft = true;
  } else if (/[иы]й$/u.test(f)) {
    stem = `${f.slice(0, -2)}ь`;
    soft = true;
  } else if (f.endsWith('й') || f.endsWith('ь')) {
    stem = f.slice(0, -1);
    soft = true;
  } else if (f.endsWith('а') || f.endsWith('я')) {
    return sex === 'm' ? `${f.slice(0, -1)}ич` : `${f.slice(0, -1)}ична`;
  } else {
    stem = f;
  }
  if (f.endsWith('й') && !/[иы]й$/u.test(f)) stem = `${stem}е`;
  const vowelBefore = soft && f.endsWith('й') && !/[иы]й$/u.test(f);
  if (vowelBefore) return sex === 'm' ? `${stem}вич` : `${stem}вна`;
  return soft
    ? sex === 'm'
      ? `${stem}евич`
      : `${stem}евна`
    : sex === 'm'
      ? `${stem}ович`
      : `${stem}овна`;
}
