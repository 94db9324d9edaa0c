/**
 * Person records for measuring linkage, written apart from `polon synth` (issue 18) so the
 * engine is not graded only on data shaped like its own assumptions: its own name lists,
 * its own transliteration tables (KMU 2010 for Ukrainian, a BGN-like one for Russian), its
 * own error rates, free-text full names given name first, units, and relatives and
 * namesakes who must stay apart. Nothing here imports src/names.
 */

export type IndependentStyle = 'uk_cyr' | 'ru_cyr' | 'uk_lat' | 'ru_lat' | 'free';

export interface IndependentRow {
  record_id: string;
  source: string;
  family_name: string;
  given_name: string;
  patronymic: string;
  full_name: string;
  birth_date: string;
  sex: string;
  unit: string;
}

/** What the generator knows about a record, for counting pairs by class. */
export interface RecordTraits {
  style: IndependentStyle;
  precision: 'day' | 'month' | 'year' | 'none';
  /** The date was written dotted (14.03.1975) rather than ISO. */
  dotted: boolean;
  hasUnit: boolean;
  typo: boolean;
}

export interface IndependentRecord {
  row: IndependentRow;
  personId: number;
  traits: RecordTraits;
}

/** [Ukrainian, Russian, Ukrainian patronymic stem (m), Russian patronymic stem (m)] */
const MALE: readonly (readonly [string, string, string, string])[] = [
  ['Олександр', 'Александр', 'Олександрович', 'Александрович'],
  ['Сергій', 'Сергей', 'Сергійович', 'Сергеевич'],
  ['Андрій', 'Андрей', 'Андрійович', 'Андреевич'],
  ['Володимир', 'Владимир', 'Володимирович', 'Владимирович'],
  ['Микола', 'Николай', 'Миколайович', 'Николаевич'],
  ['Іван', 'Иван', 'Іванович', 'Иванович'],
  ['Дмитро', 'Дмитрий', 'Дмитрович', 'Дмитриевич'],
  ['Василь', 'Василий', 'Васильович', 'Васильевич'],
  ['Михайло', 'Михаил', 'Михайлович', 'Михайлович'],
  ['Юрій', 'Юрий', 'Юрійович', 'Юрьевич'],
  ['Петро', 'Петр', 'Петрович', 'Петрович'],
  ['Віктор', 'Виктор', 'Вікторович', 'Викторович'],
  ['Ігор', 'Игорь', 'Ігорович', 'Игоревич'],
  ['Олег', 'Олег', 'Олегович', 'Олегович'],
  ['Степан', 'Степан', 'Степанович', 'Степанович'],
  ['Григорій', 'Григорий', 'Григорович', 'Григорьевич'],
  ['Павло', 'Павел', 'Павлович', 'Павлович'],
  ['Роман', 'Роман', 'Романович', 'Романович'],
  ['Максим', 'Максим', 'Максимович', 'Максимович'],
  ['Тарас', 'Тарас', 'Тарасович', 'Тарасович'],
  ['Богдан', 'Богдан', 'Богданович', 'Богданович'],
  ['Ярослав', 'Ярослав', 'Ярославович', 'Ярославович'],
  ['Євген', 'Евгений', 'Євгенович', 'Евгеньевич'],
  ['Олексій', 'Алексей', 'Олексійович', 'Алексеевич'],
  ['Анатолій', 'Анатолий', 'Анатолійович', 'Анатольевич'],
  ['Віталій', 'Виталий', 'Віталійович', 'Витальевич'],
  ['Руслан', 'Руслан', 'Русланович', 'Русланович'],
  ['Денис', 'Денис', 'Денисович', 'Денисович'],
  ['Артем', 'Артем', 'Артемович', 'Артемович'],
  ['Вадим', 'Вадим', 'Вадимович', 'Вадимович'],
  ['Федір', 'Федор', 'Федорович', 'Федорович'],
  ['Костянтин', 'Константин', 'Костянтинович', 'Константинович'],
  ['Леонід', 'Леонид', 'Леонідович', 'Леонидович'],
  ['Валерій', 'Валерий', 'Валерійович', 'Валерьевич'],
  ['Назар', 'Назар', 'Назарович', 'Назарович'],
  ['Остап', 'Остап', 'Остапович', 'Остапович'],
  ['Кирило', 'Кирилл', 'Кирилович', 'Кириллович'],
  ['Геннадій', 'Геннадий', 'Геннадійович', 'Геннадьевич'],
];

const FEMALE: readonly (readonly [string, string])[] = [
  ['Олена', 'Елена'],
  ['Наталія', 'Наталья'],
  ['Ірина', 'Ирина'],
  ['Тетяна', 'Татьяна'],
  ['Оксана', 'Оксана'],
  ['Юлія', 'Юлия'],
  ['Марія', 'Мария'],
  ['Світлана', 'Светлана'],
  ['Людмила', 'Людмила'],
  ['Катерина', 'Екатерина'],
  ['Вікторія', 'Виктория'],
  ['Ганна', 'Анна'],
];

const COMMON_SURNAMES = (
  'Коваленко Бондаренко Шевченко Ткаченко Кравченко Олійник Шевчук Поліщук Мельник Бойко ' +
  'Ковальчук Лисенко Мороз Марченко Руденко Кравчук Клименко Павленко Савченко Петренко ' +
  'Іваненко Кузьменко Гаврилюк Литвиненко Приходько Левченко Ткачук Романенко Василенко ' +
  'Карпенко Мазур Пономаренко Сидоренко Костенко Гуменюк Федоренко Тимошенко Білик Кушнір ' +
  'Яковенко Ярошенко Дячук Остапчук Кириленко Головко Захарченко Нестеренко Юрченко Вовк ' +
  'Семенюк Білоус Гриценко Карпюк Дмитренко Пилипенко Стецюк Зінченко Мирошниченко ' +
  'Дорошенко Зайченко Панченко Ничипорук Гнатюк Кучер Коваль Сорока Гребенюк Щербак ' +
  'Щербина Жук Хоменко Сич Ящук Борисюк Цибульський Ковальський Вишневський Зелінський ' +
  'Шульга Гайдамака Рябоконь Задорожний Корнійчук Білецький Янчук Федорчук Степанюк ' +
  'Пасічник Вакуленко Гордієнко Дзюба Кобзар Костюк Лозинський Мартинюк Назаренко Онищенко ' +
  'Прокопенко Рибак Собко Тарасенко Удовиченко Фещенко Харченко Цимбалюк Чумак Шаповал ' +
  'Юхименко Якименко Черненко Гордійчук Тищенко Вербицький Гуцул Драч Єрмоленко Жовнір ' +
  'Заїка Іщенко Кухар Лемешко Мостовий Нагорний Перепелиця Рудь Слюсар Фурман Хмара Швець ' +
  'Яремчук Гончар Савчук Бондарчук'
).split(' ');

const STEMS = (
  'Бур Вол Гор Дем Жур Зуб Кал Лев Мед Нос Пет Рад Сав Тиш Фед Хар Чер Шим Юр Ян Баб Кир ' +
  'Лук Мох Пал Ром Сем Тур Гол Дуб Гнид Бiл Мар Кос Лоз Оліф Пух Риж Сух Тар Вер Грис ' +
  'Дан Зак Карп Кур Мин Нед Ор Прот Руд Сид Тро Хом Цап Шпак Ющ Ярм Бас Вак Гав Жмур'
)
  .replace(/i/g, 'і')
  .split(' ');
const SUFFIXES = ['енко', 'ук', 'чук', 'юк', 'ський', 'ич', 'ан', 'енюк', 'ейко', 'ар'];

/** Units as Ukrainian military unit numbers (в/ч А3537) and brigade numbers. */
const UNIT_NUMBERS = Array.from({ length: 90 }, (_, k) => 1000 + ((k * 7919) % 8999));

function mulberry(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const choose = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

/** Zipf-like choice: index k with weight 1 / (k + 1)^s. */
function zipfChooser<T>(list: readonly T[], s: number): (r: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  list.forEach((_, k) => cumulative.push((total += 1 / Math.pow(k + 1, s))));
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] as T;
  };
}

const maleChooser = zipfChooser(MALE, 0.9);
const femaleChooser = zipfChooser(FEMALE, 0.7);
const surnameChooser = zipfChooser(COMMON_SURNAMES, 0.7);

interface Person {
  id: number;
  sex: 'm' | 'f';
  /** Ukrainian masculine form of the surname. */
  surname: string;
  given: number;
  father: number;
  year: number;
  month: number;
  day: number;
  unit: number | undefined;
}

function newSurname(r: Random): string {
  if (r() < 0.6) return surnameChooser(r);
  return choose(r, STEMS) + choose(r, SUFFIXES);
}

function femaleSurname(s: string): string {
  if (s.endsWith('ський') || s.endsWith('цький')) return s.slice(0, -2) + 'а';
  if (s.endsWith('ий')) return s.slice(0, -2) + 'а';
  return s;
}

// ---- Russian spelling of a Ukrainian surname, and the two romanisations ----

function russianSurname(r: Random, s: string): string {
  let out = s
    .replace(/ський$/, 'ский')
    .replace(/цький$/, 'цкий')
    .replace(/ська$/, 'ская');
  out = out.replace(/ий$/, 'ый');
  out = out
    .replace(/ї/g, 'и')
    .replace(/є/g, 'е')
    .replace(/ґ/g, 'г')
    .replace(/'/g, '')
    .replace(/і/g, () => (r() < 0.8 ? 'и' : 'е'))
    .replace(/Ї/g, 'И')
    .replace(/Є/g, 'Е')
    .replace(/І/g, 'И');
  return out.replace(/ый$/, 'ий');
}

const KMU: Record<string, [string, string]> = {
  // [at the start of a word, elsewhere]
  а: ['a', 'a'],
  б: ['b', 'b'],
  в: ['v', 'v'],
  г: ['h', 'h'],
  ґ: ['g', 'g'],
  д: ['d', 'd'],
  е: ['e', 'e'],
  є: ['ye', 'ie'],
  ж: ['zh', 'zh'],
  з: ['z', 'z'],
  и: ['y', 'y'],
  і: ['i', 'i'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  к: ['k', 'k'],
  л: ['l', 'l'],
  м: ['m', 'm'],
  н: ['n', 'n'],
  о: ['o', 'o'],
  п: ['p', 'p'],
  р: ['r', 'r'],
  с: ['s', 's'],
  т: ['t', 't'],
  у: ['u', 'u'],
  ф: ['f', 'f'],
  х: ['kh', 'kh'],
  ц: ['ts', 'ts'],
  ч: ['ch', 'ch'],
  ш: ['sh', 'sh'],
  щ: ['shch', 'shch'],
  ь: ['', ''],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
  "'": ['', ''],
};

const RU_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Ukrainian → Latin as in passports since 2010 (KMU resolution 55); зг → zgh. */
export function kmu2010(text: string): string {
  const lower = text.toLowerCase().replace(/зг/g, 'з\u0000');
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower.charAt(i);
    if (ch === '\u0000') {
      out += 'gh';
      continue;
    }
    const t = KMU[ch];
    if (!t) {
      out += ch;
      continue;
    }
    out += i === 0 || !/\p{L}/u.test(lower.charAt(i - 1)) ? t[0] : t[1];
  }
  return capitalise(out);
}

/** Russian → Latin, BGN-like, with the spellings of -ий seen on documents (iy, y, ii). */
function russianLatin(r: Random, text: string): string {
  const lower = text.toLowerCase();
  const ending = r();
  const ii = ending < 0.5 ? 'iy' : ending < 0.8 ? 'y' : 'ii';
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower.charAt(i);
    if (ch === 'и' && lower.charAt(i + 1) === 'й' && i + 2 === lower.length) {
      out += ii;
      break;
    }
    if (ch === 'е' && (i === 0 || /[аеёиоуыэюяьъ]/.test(lower.charAt(i - 1)))) {
      out += 'ye';
      continue;
    }
    out += RU_LATIN[ch] ?? ch;
  }
  return capitalise(out);
}

// ---- errors ----

/** One letter missing, two neighbours swapped or one doubled; the first letter is spared. */
function typo(r: Random, s: string): string {
  if (s.length < 4) return s;
  const at = 1 + Math.floor(r() * (s.length - 2));
  const kind = r();
  if (kind < 0.4) return s.slice(0, at) + s.slice(at + 1);
  if (kind < 0.75) return s.slice(0, at) + s.charAt(at + 1) + s.charAt(at) + s.slice(at + 2);
  return s.slice(0, at) + s.charAt(at) + s.slice(at);
}

const pad = (n: number): string => String(n).padStart(2, '0');

interface StyleRates {
  /** Chance of a typo in each name part. */
  typo: number;
  patronymic: number;
  /** Chances of a full date, month and year, year only; the rest is no date. */
  full: number;
  month: number;
  year: number;
  dotted: number;
  unit: number;
  sex: number;
}

const RATES: Readonly<Record<IndependentStyle, StyleRates>> = {
  uk_cyr: {
    typo: 0.03,
    patronymic: 0.9,
    full: 0.8,
    month: 0.05,
    year: 0.1,
    dotted: 0.4,
    unit: 0.7,
    sex: 0.8,
  },
  ru_cyr: {
    typo: 0.05,
    patronymic: 0.8,
    full: 0.55,
    month: 0.05,
    year: 0.3,
    dotted: 0.8,
    unit: 0.15,
    sex: 0.5,
  },
  uk_lat: {
    typo: 0.07,
    patronymic: 0.15,
    full: 0.7,
    month: 0.05,
    year: 0.1,
    dotted: 0.5,
    unit: 0.3,
    sex: 0.5,
  },
  ru_lat: {
    typo: 0.08,
    patronymic: 0.4,
    full: 0.45,
    month: 0.15,
    year: 0.25,
    dotted: 0.3,
    unit: 0.2,
    sex: 0.4,
  },
  free: {
    typo: 0.09,
    patronymic: 0.5,
    full: 0.25,
    month: 0.05,
    year: 0.4,
    dotted: 0.6,
    unit: 0.3,
    sex: 0,
  },
};

/** How often each style's source holds a person. */
const COVERAGE: readonly (readonly [IndependentStyle, number])[] = [
  ['uk_cyr', 0.6],
  ['ru_cyr', 0.35],
  ['uk_lat', 0.3],
  ['ru_lat', 0.3],
  ['free', 0.25],
];

function renderDate(
  r: Random,
  p: Person,
  rates: StyleRates,
): { text: string; precision: RecordTraits['precision']; dotted: boolean } {
  const x = r();
  let { year, month, day } = p;
  const dotted = r() < rates.dotted;
  if (x < rates.full) {
    const e = r();
    if (e < 0.025 && day <= 12 && day !== month) [month, day] = [day, month];
    else if (e < 0.04) {
      const d = new Date(Date.UTC(year, month - 1, day + (r() < 0.5 ? -1 : 1)));
      [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    }
    const text = dotted ? `${pad(day)}.${pad(month)}.${year}` : `${year}-${pad(month)}-${pad(day)}`;
    return { text, precision: 'day', dotted };
  }
  if (x < rates.full + rates.month) {
    return {
      text: dotted ? `${pad(month)}.${year}` : `${year}-${pad(month)}`,
      precision: 'month',
      dotted,
    };
  }
  if (x < rates.full + rates.month + rates.year) {
    // A year worked out from an age is a year off now and then.
    const y = r() < 0.04 ? year + (r() < 0.5 ? -1 : 1) : year;
    return { text: String(y), precision: 'year', dotted: false };
  }
  return { text: '', precision: 'none', dotted: false };
}

function unitText(r: Random, n: number): string {
  const x = r();
  return x < 0.5 ? `А${n}` : x < 0.8 ? `в/ч А${n}` : `A-${n}`;
}

function femalePatronymic(malePatronymic: string): string {
  return malePatronymic.replace(/ович$/, 'івна').replace(/евич$/, 'евна').replace(/ич$/, 'ична');
}

function renderRecord(
  r: Random,
  p: Person,
  style: IndependentStyle,
  recordId: string,
): IndependentRecord {
  const rates = RATES[style];
  const russian = style === 'ru_cyr' || style === 'ru_lat' || (style === 'free' && r() < 0.5);
  const father = MALE[p.father] as readonly [string, string, string, string];
  let given: string;
  if (p.sex === 'm') given = (MALE[p.given] as readonly string[])[russian ? 1 : 0] as string;
  else given = (FEMALE[p.given] as readonly string[])[russian ? 1 : 0] as string;
  let patronymic = father[russian ? 3 : 2];
  let surname = p.sex === 'f' ? femaleSurname(p.surname) : p.surname;
  if (p.sex === 'f') {
    patronymic = russian ? patronymic.replace(/ич$/, 'на') : femalePatronymic(patronymic);
  }
  if (russian) surname = russianSurname(r, surname);
  if (style === 'uk_lat') {
    given = kmu2010(given);
    surname = kmu2010(surname);
    patronymic = kmu2010(patronymic);
  } else if (style === 'ru_lat') {
    given = russianLatin(r, given);
    surname = russianLatin(r, surname);
    patronymic = russianLatin(r, patronymic);
  }
  let typoMade = false;
  const maybeTypo = (s: string): string => {
    if (r() >= rates.typo) return s;
    const t = typo(r, s);
    if (t !== s) typoMade = true;
    return t;
  };
  surname = maybeTypo(surname);
  given = maybeTypo(given);
  patronymic = r() < rates.patronymic ? maybeTypo(patronymic) : '';
  const date = renderDate(r, p, rates);
  const hasUnit = p.unit !== undefined && r() < rates.unit;
  const row: IndependentRow = {
    record_id: recordId,
    source: style,
    family_name: '',
    given_name: '',
    patronymic: '',
    full_name: '',
    birth_date: date.text,
    sex: '',
    unit: hasUnit ? unitText(r, p.unit as number) : '',
  };
  if (style === 'free') {
    let full = [given, patronymic, surname].filter((s) => s !== '').join(' ');
    if (r() < 0.35) full = full.toUpperCase();
    row.full_name = full;
  } else {
    row.family_name = style === 'uk_lat' && r() < 0.5 ? surname.toUpperCase() : surname;
    row.given_name = given;
    row.patronymic = patronymic;
  }
  if (r() < rates.sex) {
    const cyr = style === 'uk_cyr' ? ['ч', 'ж'] : style === 'ru_cyr' ? ['м', 'ж'] : ['M', 'F'];
    row.sex = (p.sex === 'm' ? cyr[0] : cyr[1]) as string;
  }
  return {
    row,
    personId: p.id,
    traits: { style, precision: date.precision, dotted: date.dotted, hasUnit, typo: typoMade },
  };
}

export interface IndependentOptions {
  /** Persons to generate; records come out at about 1.9 a person. */
  persons: number;
  seed?: number;
}

export interface IndependentData {
  records: IndependentRecord[];
  /** Pairs of different persons who are brothers or sisters (same surname and father). */
  relatives: [number, number][];
  /** Pairs of different persons with the same full name and another birth year. */
  namesakes: [number, number][];
}

/**
 * Persons, then their records in five sources; 8% of persons have a sibling (same
 * surname, same father, often the same unit) and 4% a namesake born in another year.
 */
export function generateIndependentRecords(options: IndependentOptions): IndependentData {
  const r = mulberry(options.seed ?? 18);
  const persons: Person[] = [];
  const relatives: [number, number][] = [];
  const namesakes: [number, number][] = [];
  const newPerson = (): Person => {
    const sex = r() < 0.92 ? 'm' : 'f';
    const given = sex === 'm' ? MALE.indexOf(maleChooser(r)) : FEMALE.indexOf(femaleChooser(r));
    const year = 1962 + Math.floor(r() * 42);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    return {
      id: persons.length,
      sex,
      surname: newSurname(r),
      given,
      father: MALE.indexOf(maleChooser(r)),
      year,
      month,
      day,
      unit: r() < 0.55 ? choose(r, UNIT_NUMBERS) : undefined,
    };
  };
  while (persons.length < options.persons) {
    const p = newPerson();
    persons.push(p);
    if (persons.length < options.persons && r() < 0.08) {
      const sibling = newPerson();
      sibling.surname = p.surname;
      sibling.father = p.father;
      if (sibling.sex === 'm' && p.sex === 'm' && sibling.given === p.given) {
        sibling.given = (p.given + 1) % MALE.length;
      }
      sibling.year = p.year + (r() < 0.5 ? -1 : 1) * (1 + Math.floor(r() * 8));
      if (r() < 0.5) sibling.unit = p.unit;
      persons.push(sibling);
      relatives.push([p.id, sibling.id]);
    }
    if (persons.length < options.persons && r() < 0.04) {
      const other = newPerson();
      other.sex = p.sex;
      other.surname = p.surname;
      other.given = p.given;
      other.father = p.father;
      other.year = p.year + (r() < 0.5 ? -1 : 1) * (2 + Math.floor(r() * 15));
      persons.push(other);
      namesakes.push([p.id, other.id]);
    }
  }
  const records: IndependentRecord[] = [];
  let next = 0;
  for (const p of persons) {
    const styles = COVERAGE.filter(([, c]) => r() < c).map(([s]) => s);
    if (styles.length === 0) styles.push(choose(r, COVERAGE)[0]);
    for (const style of styles) {
      records.push(renderRecord(r, p, style, `r${next++}`));
      // A source enters a person twice now and then.
      if (r() < 0.05) records.push(renderRecord(r, p, style, `r${next++}`));
    }
  }
  // Sources list people in their own order, not by person.
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [records[i], records[j]] = [records[j] as IndependentRecord, records[i] as IndependentRecord];
  }
  return { records, relatives, namesakes };
}
