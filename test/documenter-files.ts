import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { transliterateUk } from '../src/names/index.js';

/**
 * Files as documenters, hotlines and relatives' groups keep them, generated: a title (merged
 * across in a workbook) and notes above the table, headers in Ukrainian, Russian or English
 * under any of the names people use, columns in any order, a "№" column or none, names in one
 * cell (either order) or three, dates typed several ways and real Excel date cells, blank
 * lines, a total row and a note below, and CSV in the encodings and delimiters that
 * spreadsheet programs write. Each file comes with the persons it states, for a test to check
 * every imported record, event and episode against. All names are synthetic.
 */

export type Lang = 'uk' | 'ru' | 'en';

export interface Day {
  y: number;
  m: number;
  d: number;
}

export type DateStyle = 'dmy' | 'iso' | 'month' | 'year' | 'excel' | 'about';

export interface WrittenDate {
  day: Day;
  style: DateStyle;
}

export interface PlaceMention {
  text: string;
  /** The gazetteer entry the mention names; null for a place no gazetteer knows. */
  facilityId: string | null;
}

export interface GeneratedPerson {
  family: string;
  given: string;
  patronymic: string;
  sex: 'male' | 'female';
  category: 'military' | 'civilian' | null;
  birth: WrittenDate | null;
  capture: WrittenDate | null;
  capturePlace: string | null;
  held: PlaceMention | null;
  heldFrom: WrittenDate | null;
  release: WrittenDate | null;
  died: WrittenDate | null;
  /** What the status column says, when the file has one. */
  status: 'captured' | 'released' | 'died_in_captivity' | 'missing' | null;
}

export interface DocumenterFile {
  name: string;
  bytes: Buffer;
  persons: GeneratedPerson[];
  /** How the file was made, for a failing case to be read. */
  layout: {
    format: 'xlsx' | 'csv';
    lang: Lang;
    encoding?: string;
    delimiter?: string;
    numbered: boolean;
    nameStyle: 'full' | 'full-given-first' | 'split';
    titleRows: number;
    blankRows: number[];
    total: string | null;
    trailingNote: string | null;
    columns: string[];
  };
}

type Field =
  | 'no'
  | 'full'
  | 'family'
  | 'given'
  | 'patronymic'
  | 'birth'
  | 'sex'
  | 'category'
  | 'status'
  | 'capture'
  | 'capturePlace'
  | 'held'
  | 'heldFrom'
  | 'release'
  | 'died';

/** Header names people write, by language: any one of them may head the column. */
const HEADERS: Record<Field, Record<Lang, string[]>> = {
  no: { uk: ['№', '№ з/п', 'Номер'], ru: ['№', '№ п/п', 'Номер'], en: ['No', '#', 'ID'] },
  full: {
    uk: ['ПІБ', 'П.І.Б.', "Прізвище, ім'я, по батькові"],
    ru: ['ФИО', 'Ф.И.О.', 'Фамилия, имя, отчество'],
    en: ['Full name', 'Name (full)'],
  },
  family: { uk: ['Прізвище'], ru: ['Фамилия'], en: ['Surname', 'Last name'] },
  given: { uk: ["Ім'я", 'Імʼя'], ru: ['Имя'], en: ['First name', 'Given name'] },
  patronymic: { uk: ['По батькові'], ru: ['Отчество'], en: ['Middle name', 'Patronymic'] },
  birth: {
    uk: ['Дата народження', 'Д.н.', 'Рік народження'],
    ru: ['Дата рождения', 'Год рождения'],
    en: ['Date of birth', 'DOB'],
  },
  sex: { uk: ['Стать', 'Ч/Ж'], ru: ['Пол', 'М/Ж'], en: ['Sex', 'Gender'] },
  category: {
    uk: ['Категорія', 'Військовий/цивільний'],
    ru: ['Категория', 'Военный/гражданский'],
    en: ['Military/civilian', 'Category'],
  },
  status: { uk: ['Статус', 'Стан'], ru: ['Статус', 'Состояние'], en: ['Status'] },
  capture: {
    uk: ['Дата полону', 'Дата захоплення'],
    ru: ['Дата пленения', 'Дата захвата'],
    en: ['Date of capture', 'Captured on'],
  },
  capturePlace: {
    uk: ['Місце полону', 'Місце захоплення'],
    ru: ['Место пленения'],
    en: ['Place of capture'],
  },
  held: {
    uk: ['Місце утримання', 'Місце перебування'],
    ru: ['Место содержания', 'Место нахождения'],
    en: ['Place of detention', 'Held at'],
  },
  heldFrom: { uk: ['Утримується з'], ru: ['Содержится с'], en: ['Held since'] },
  release: {
    uk: ['Дата звільнення', 'Дата обміну'],
    ru: ['Дата освобождения', 'Дата обмена'],
    en: ['Date of release', 'Release date'],
  },
  died: { uk: ['Дата смерті', 'Дата загибелі'], ru: ['Дата смерти'], en: ['Date of death'] },
};

const SEX_WORDS: Record<Lang, Record<'male' | 'female', string[]>> = {
  uk: { male: ['ч', 'чол.', 'чоловіча', 'Ч'], female: ['ж', 'жін.', 'жіноча', 'Ж'] },
  ru: { male: ['м', 'муж.', 'мужской', 'М'], female: ['ж', 'жен.', 'женский', 'Ж'] },
  en: { male: ['M', 'male', 'Male'], female: ['F', 'female', 'Female'] },
};
const CATEGORY_WORDS: Record<Lang, Record<'military' | 'civilian', string[]>> = {
  uk: {
    military: ['військовий', 'Військовослужбовець', 'ЗСУ'],
    civilian: ['цивільний', 'Цивільна особа'],
  },
  ru: { military: ['военный', 'Военнослужащий'], civilian: ['гражданский', 'Мирный житель'] },
  en: { military: ['military', 'Military', 'POW'], civilian: ['civilian', 'Civilian'] },
};
const STATUS_WORDS: Record<Lang, Record<NonNullable<GeneratedPerson['status']>, string[]>> = {
  uk: {
    captured: ['в полоні', 'У полоні', 'полонений'],
    released: ['звільнений', 'Звільнений з полону', 'повернувся з полону'],
    died_in_captivity: ['загинув у полоні', 'помер'],
    missing: ['зник безвісти', 'Зниклий безвісти'],
  },
  ru: {
    captured: ['в плену', 'Находится в плену'],
    released: ['освобожден', 'Вернулся из плена'],
    died_in_captivity: ['погиб в плену', 'умер'],
    missing: ['пропал без вести'],
  },
  en: {
    captured: ['in captivity', 'Captive', 'POW held'],
    released: ['released', 'Exchanged'],
    died_in_captivity: ['died in captivity', 'Dead'],
    missing: ['missing', 'MIA'],
  },
};
const TOTAL_WORDS = ['Всього:', 'Разом', 'Итого:', 'Всего', 'Total', 'Усього осіб:'];
const NOTES = [
  'Примітка: дані зібрані від родичів, не перевірені',
  'Примечание: список неполный',
  'Note: compiled from hotline calls',
  '* дата вказана приблизно',
];
const TITLES = [
  'Список осіб, утримуваних у полоні (синтетичні дані)',
  'Реєстр звернень рідних',
  'Список военнопленных по данным родственников',
  'Hotline list of missing and captured persons',
  'Станом на 01.11.2026',
];

const KNOWN_PLACES: PlaceMention[] = [
  { text: 'СІЗО-2 Таганрог', facilityId: 'taganrog-sizo-2' },
  { text: 'Таганрозьке СІЗО №2', facilityId: 'taganrog-sizo-2' },
  { text: 'СИЗО-2 г. Таганрог', facilityId: 'taganrog-sizo-2' },
  { text: 'SIZO-2 Taganrog', facilityId: 'taganrog-sizo-2' },
  { text: 'Курське СІЗО №1', facilityId: 'kursk-sizo-1' },
  { text: 'СИЗО-1 Курск', facilityId: 'kursk-sizo-1' },
  { text: 'ІК-1 Зверево', facilityId: 'zverevo-ik-1' },
  { text: 'IK-1 Zverevo', facilityId: 'zverevo-ik-1' },
  { text: 'Оленівка', facilityId: 'olenivka-ik-120' },
  { text: 'ИК-10 Ударный', facilityId: 'udarny-ik-10' },
  { text: 'СІЗО-2 Новозибків', facilityId: 'novozybkov-sizo-2' },
  { text: 'Камишин СІЗО-2', facilityId: 'kamyshin-sizo-2' },
];
const UNKNOWN_PLACES = [
  'Виправна колонія на Місяці',
  'Невідоме місце №7',
  'Підвал у селі Вигадане',
];

const FAMILY_STEMS = ['Тест', 'Зразк', 'Пример', 'Вигад', 'Синтет', 'Модел', 'Макет', 'Шабл'];
const FAMILY_ENDS: Record<'male' | 'female', string[]> = {
  male: ['енко', 'ук', 'ович', 'овський', 'ій', 'ак'],
  female: ['енко', 'ук', 'ович', 'овська', 'а', 'ак'],
};
const GIVEN: Record<'male' | 'female', string[]> = {
  male: ['Олександр', 'Іван', 'Петро', 'Сергей', 'Андрій', 'Юрій', "Дем'ян", 'Олег'],
  female: ['Марія', 'Ольга', 'Наталія', 'Ирина', 'Оксана', 'Галина'],
};
const PATRONYMIC: Record<'male' | 'female', string[]> = {
  male: ['Петрович', 'Іванович', 'Сергеевич', 'Олегович'],
  female: ['Петрівна', 'Іванівна', 'Сергеевна', 'Олегівна'],
};
/** Latin spellings as a Ukrainian passport writes them (the national standard of 2010). */
const latin = (s: string): string => transliterateUk(s);

const day = (): fc.Arbitrary<Day> =>
  fc.record({
    y: fc.integer({ min: 1950, max: 2005 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  });
const recentDay = (from: number, to: number): fc.Arbitrary<Day> =>
  fc.record({
    y: fc.integer({ min: from, max: to }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  });
const written = (d: fc.Arbitrary<Day>, styles: DateStyle[]): fc.Arbitrary<WrittenDate> =>
  fc.record({ day: d, style: fc.constantFrom(...styles) });

const pad = (n: number): string => String(n).padStart(2, '0');

/** The cell a date is written as; an Excel date cell in a workbook. */
export function dateCell(w: WrittenDate, format: 'xlsx' | 'csv'): string | Date {
  const { y, m, d } = w.day;
  switch (w.style) {
    case 'dmy':
      return `${pad(d)}.${pad(m)}.${y}`;
    case 'iso':
      return `${y}-${pad(m)}-${pad(d)}`;
    case 'month':
      return `${pad(m)}.${y}`;
    case 'year':
      return String(y);
    case 'about':
      return `~${y}`;
    case 'excel':
      return format === 'xlsx' ? new Date(Date.UTC(y, m - 1, d)) : `${pad(d)}.${pad(m)}.${y}`;
  }
}

/** What the record holds for a written date: the text at its precision. */
export function expectedDate(w: WrittenDate | null): string | null {
  if (!w) return null;
  const { y, m, d } = w.day;
  if (w.style === 'month') return `${y}-${pad(m)}`;
  if (w.style === 'year' || w.style === 'about') return String(y);
  return `${y}-${pad(m)}-${pad(d)}`;
}

const person = (latinNames: boolean): fc.Arbitrary<GeneratedPerson> =>
  fc
    .record({
      sex: fc.constantFrom<'male' | 'female'>('male', 'male', 'male', 'female'),
      stem: fc.constantFrom(...FAMILY_STEMS),
      tag: fc.integer({ min: 1, max: 99_999 }),
      end: fc.nat(),
      given: fc.nat(),
      patr: fc.nat(),
      category: fc.constantFrom<'military' | 'civilian' | null>('military', 'civilian', null),
      birth: fc.option(written(day(), ['dmy', 'iso', 'year', 'excel', 'month', 'about']), {
        freq: 6,
      }),
      capture: fc.option(written(recentDay(2022, 2025), ['dmy', 'iso', 'month', 'excel']), {
        freq: 3,
      }),
      capturePlace: fc.option(fc.constantFrom('Маріуполь', 'Бахмут', 'Kherson', 'Мариуполь'), {
        freq: 2,
      }),
      held: fc.option(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...KNOWN_PLACES) },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom(...UNKNOWN_PLACES)
              .map((text) => ({ text, facilityId: null })),
          },
        ),
        { freq: 3 },
      ),
      heldFrom: fc.option(written(recentDay(2022, 2024), ['dmy', 'month']), { freq: 4 }),
      fate: fc.constantFrom<'held' | 'released' | 'died'>(
        'held',
        'held',
        'held',
        'released',
        'died',
      ),
      fateDay: recentDay(2025, 2026),
      status: fc.boolean(),
    })
    .map((g): GeneratedPerson => {
      const family = `${g.stem}${FAMILY_ENDS[g.sex][g.end % FAMILY_ENDS[g.sex].length]}`;
      const given = GIVEN[g.sex][g.given % GIVEN[g.sex].length] ?? 'Іван';
      const patronymic = PATRONYMIC[g.sex][g.patr % PATRONYMIC[g.sex].length] ?? '';
      // A number in the family name keeps generated persons apart, as real ones are.
      const fam = `${family}-${g.tag}`;
      const n = (s: string): string => (latinNames ? latin(s) : s);
      const release = g.fate === 'released' ? { day: g.fateDay, style: 'dmy' as const } : null;
      const died = g.fate === 'died' ? { day: g.fateDay, style: 'iso' as const } : null;
      const status: GeneratedPerson['status'] = !g.status
        ? null
        : g.fate === 'released'
          ? 'released'
          : g.fate === 'died'
            ? 'died_in_captivity'
            : g.capture || g.held
              ? 'captured'
              : 'missing';
      return {
        family: n(fam),
        given: n(given),
        patronymic: n(patronymic),
        sex: g.sex,
        category: g.category,
        birth: g.birth,
        capture: g.capture,
        capturePlace: g.capturePlace,
        held: g.held,
        heldFrom: g.held ? g.heldFrom : null,
        release,
        died,
        status,
      };
    });

export interface Shape {
  format: 'xlsx' | 'csv';
  lang: Lang;
  latinNames: boolean;
  encoding: string;
  delimiter: string;
  numbered: boolean;
  nameStyle: 'full' | 'full-given-first' | 'split';
  titleRows: number;
  blankAt: number[];
  total: string | null;
  trailingNote: string | null;
  optional: Field[];
  order: number[];
  headerPick: number;
  wordPick: number;
}

const OPTIONAL: Field[] = [
  'sex',
  'category',
  'status',
  'capture',
  'capturePlace',
  'held',
  'heldFrom',
  'release',
  'died',
];

const shape = (): fc.Arbitrary<Shape> =>
  fc.record({
    format: fc.constantFrom<'xlsx' | 'csv'>('xlsx', 'csv'),
    lang: fc.constantFrom<Lang>('uk', 'ru', 'en'),
    latinNames: fc.boolean(),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1251', 'utf-16le'),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    numbered: fc.boolean(),
    nameStyle: fc.constantFrom<Shape['nameStyle']>('full', 'full-given-first', 'split'),
    titleRows: fc.integer({ min: 0, max: 3 }),
    blankAt: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
    total: fc.option(fc.constantFrom(...TOTAL_WORDS), { freq: 2 }),
    trailingNote: fc.option(fc.constantFrom(...NOTES), { freq: 3 }),
    optional: fc.subarray(OPTIONAL, { minLength: 0 }),
    order: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
    headerPick: fc.nat(),
    wordPick: fc.nat(),
  });

/** Cell text: the same choice for the same key within a file, another across files. */
const pick = <T>(list: T[], seed: number, salt = 0): T => list[(seed + salt) % list.length] as T;

function columnsOf(s: Shape): Field[] {
  const names: Field[] = s.nameStyle === 'split' ? ['family', 'given', 'patronymic'] : ['full'];
  const rest: Field[] = ['birth', ...s.optional];
  // Keep the name columns together (as people do) and shuffle the rest around them.
  const shuffled = rest
    .map((f, i) => ({ f, k: s.order[i] ?? i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.f);
  const at = (s.order[19] ?? 0) % (shuffled.length + 1);
  return [
    ...(s.numbered ? (['no'] as Field[]) : []),
    ...shuffled.slice(0, at),
    ...names,
    ...shuffled.slice(at),
  ];
}

function cellOf(f: Field, p: GeneratedPerson, i: number, s: Shape): string | Date {
  const words = s.lang;
  switch (f) {
    case 'no':
      return String(i + 1);
    case 'full':
      return s.nameStyle === 'full'
        ? `${p.family} ${p.given} ${p.patronymic}`
        : `${p.given} ${p.patronymic} ${p.family}`;
    case 'family':
      return p.family;
    case 'given':
      return p.given;
    case 'patronymic':
      return p.patronymic;
    case 'birth':
      return p.birth ? dateCell(p.birth, s.format) : '';
    case 'sex':
      return pick(SEX_WORDS[words][p.sex], s.wordPick, i);
    case 'category':
      return p.category ? pick(CATEGORY_WORDS[words][p.category], s.wordPick, i) : '';
    case 'status':
      return p.status ? pick(STATUS_WORDS[words][p.status], s.wordPick, i) : '';
    case 'capture':
      return p.capture ? dateCell(p.capture, s.format) : '';
    case 'capturePlace':
      return p.capturePlace ?? '';
    case 'held':
      return p.held?.text ?? '';
    case 'heldFrom':
      return p.heldFrom ? dateCell(p.heldFrom, s.format) : '';
    case 'release':
      return p.release ? dateCell(p.release, s.format) : '';
    case 'died':
      return p.died ? dateCell(p.died, s.format) : '';
  }
}

/** What the file states of a person, given which columns it has. */
export function stated(p: GeneratedPerson, columns: string[]): GeneratedPerson {
  const has = (f: Field): boolean => columns.includes(f);
  return {
    ...p,
    category: has('category') ? p.category : null,
    status: has('status') ? p.status : null,
    capture: has('capture') ? p.capture : null,
    capturePlace: has('capturePlace') ? p.capturePlace : null,
    held: has('held') ? p.held : null,
    heldFrom: has('held') && has('heldFrom') ? p.heldFrom : null,
    release: has('release') ? p.release : null,
    died: has('died') ? p.died : null,
  };
}

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom')
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le')
    return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  return iconv.encode(text, encoding);
}

function csvCell(v: string | Date, delimiter: string): string {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function build(s: Shape, people: GeneratedPerson[]): Promise<DocumenterFile> {
  const fields = columnsOf(s);
  const headers = fields.map((f, i) => pick(HEADERS[f][s.lang], s.headerPick, i));
  // Windows-1251 has no Latin-script issue but no "ʼ" either: such a file uses the apostrophe.
  const fit = (v: string | Date): string | Date =>
    typeof v === 'string' && s.format === 'csv' && s.encoding === 'windows-1251'
      ? v.replace(/ʼ/g, "'")
      : v;
  const body: (string | Date)[][] = people.map((p, i) =>
    fields.map((f) => fit(cellOf(f, p, i, s))),
  );
  const grid: {
    cells: (string | Date)[];
    kind: 'title' | 'header' | 'data' | 'blank' | 'total' | 'note';
  }[] = [];
  for (let t = 0; t < s.titleRows; t++)
    grid.push({ cells: [fit(TITLES[(s.headerPick + t) % TITLES.length] ?? '')], kind: 'title' });
  grid.push({ cells: headers.map(fit), kind: 'header' });
  body.forEach((row, i) => {
    if (s.blankAt.includes(i) && i > 0) grid.push({ cells: [], kind: 'blank' });
    grid.push({ cells: row, kind: 'data' });
  });
  if (s.total) grid.push({ cells: [fit(s.total), String(people.length)], kind: 'total' });
  if (s.trailingNote) {
    grid.push({ cells: [], kind: 'blank' });
    grid.push({ cells: [fit(s.trailingNote)], kind: 'note' });
  }
  const layout: DocumenterFile['layout'] = {
    format: s.format,
    lang: s.lang,
    numbered: s.numbered,
    nameStyle: s.nameStyle,
    titleRows: s.titleRows,
    blankRows: s.blankAt,
    total: s.total,
    trailingNote: s.trailingNote,
    columns: fields,
  };
  if (s.format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(s.lang === 'en' ? 'List' : 'Список');
    let r = 0;
    for (const g of grid) {
      r++;
      if (g.kind === 'blank') continue;
      // Cells written one by one: a workbook saved by Excel has no cells where nothing was typed.
      g.cells.forEach((v, c) => {
        if (v !== '') ws.getCell(r, c + 1).value = v;
      });
      if (g.kind === 'title' && fields.length > 1) ws.mergeCells(r, 1, r, fields.length);
    }
    return {
      name: `documenter-${s.lang}.xlsx`,
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      persons: people.map((p) => stated(p, fields)),
      layout,
    };
  }
  const text = grid
    .map((g) => g.cells.map((c) => csvCell(c, s.delimiter)).join(s.delimiter))
    .join('\r\n');
  return {
    name: `documenter-${s.lang}.csv`,
    bytes: encode(`${text}\r\n`, s.encoding),
    persons: people.map((p) => stated(p, fields)),
    layout: { ...layout, encoding: s.encoding, delimiter: s.delimiter },
  };
}

export interface DocumenterRecipe {
  shape: Shape;
  people: GeneratedPerson[];
}

/**
 * How to make a documenter-style file with 1 to `max` persons: a failing case prints the
 * recipe (layout and persons), not the file's bytes; `makeDocumenterFile` makes it.
 */
export const documenterRecipe = (max = 12): fc.Arbitrary<DocumenterRecipe> =>
  shape().chain((s) =>
    fc
      // Persons of one file are told apart by their family name (a number in it), as a
      // test finds each one's record by it.
      .uniqueArray(person(s.latinNames && s.lang === 'en'), {
        minLength: 1,
        maxLength: max,
        selector: (p) => p.family,
      })
      .map((people) => ({ shape: s, people })),
  );

export const makeDocumenterFile = (r: DocumenterRecipe): Promise<DocumenterFile> =>
  build(r.shape, r.people);
