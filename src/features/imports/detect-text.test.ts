import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { expectClearRejection, fuzz } from '../../../test/fuzz.js';
import type { InputError } from '../../core/app-error.js';
import { cellCounts, delimiterNamed, detectDelimiter } from './detect-delimiter.js';
import {
  cyrillicEncoding,
  cyrillicEvidence,
  encodingNamed,
  type TextEncoding,
} from './detect-text.js';
import { readTable } from './read-table.js';

/*
 * Files as documenters' programs save them: Excel's "CSV UTF-8" (with a BOM) and "CSV"
 * (Windows-1251, ";" on a Ukrainian or Russian Windows), "Unicode text" (UTF-16, tabs),
 * old Unix and mail systems (KOI8), hand-made files with "|". Each generated table, in each
 * encoding with each delimiter, must read back exactly, with the encoding and delimiter it
 * was written in reported.
 */

const UK_NAMES = [
  'Тестенко',
  'Пробна',
  'Ігнатенко',
  'Їжакевич',
  'Євгенія',
  'Ґудзь',
  "Ім'ярек",
  'Олійник',
];
const RU_NAMES = [
  'Тестов',
  'Пробная',
  'Образцов',
  'Сидоров',
  'Фёдорова',
  'Щукин',
  'Эмилия',
  'Юрьев',
];
const LATIN = ['Testenko', 'Ivan', 'Olena', 'x', 'a b'];

/** A cell: names, dates, numbers, and the characters CSV syntax is made of. */
const cellArb = (lang: 'uk' | 'ru'): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(lang === 'uk' ? UK_NAMES : RU_NAMES)) },
    { weight: 1, arbitrary: fc.constantFrom(...LATIN) },
    { weight: 2, arbitrary: fc.constantFrom('03.01.1970', '1985', '1962-07', '') },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
    {
      weight: 2,
      arbitrary: fc.string({
        unit: fc.constantFrom('"', ',', ';', '|', '\t', '\n', '\r\n', ' ', 'а', 'x', '1', '.'),
        maxLength: 10,
      }),
    },
  );

const HEADERS = {
  // KOI8 has no "№".
  uk: ['Номер', 'Прізвище', "Ім'я", 'Дата народження', 'Примітки'],
  ru: ['Номер', 'Фамилия', 'Имя', 'Дата рождения', 'Примечание'],
};

const ENCODINGS: { name: TextEncoding; lang: 'uk' | 'ru'; encode: (t: string) => Buffer }[] = [
  { name: 'utf-8', lang: 'uk', encode: (t) => Buffer.from(t) },
  { name: 'utf-8-bom', lang: 'uk', encode: (t) => Buffer.from(`\uFEFF${t}`) },
  { name: 'utf-16le', lang: 'uk', encode: (t) => iconv.encode(`\uFEFF${t}`, 'utf16le') },
  { name: 'utf-16be', lang: 'ru', encode: (t) => iconv.encode(`\uFEFF${t}`, 'utf16be') },
  { name: 'windows-1251', lang: 'uk', encode: (t) => iconv.encode(t, 'win1251') },
  { name: 'windows-1251', lang: 'ru', encode: (t) => iconv.encode(t, 'win1251') },
  { name: 'koi8-u', lang: 'uk', encode: (t) => iconv.encode(t, 'koi8-u') },
  { name: 'koi8-r', lang: 'ru', encode: (t) => iconv.encode(t, 'koi8-r') },
];
const DELIMITERS = [',', ';', '\t', '|'];

function toCsv(grid: string[][], d: string, eol: string): string {
  const cell = (c: string): string =>
    c.includes(d) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
  return grid.map((r) => r.map(cell).join(d)).join(eol);
}

describe('reading a CSV in any usual encoding and delimiter', { timeout: 120_000 }, () => {
  it('gives back exactly the rows of generated files, and the encoding and delimiter they were written in', async () => {
    const caseArb = fc
      .tuple(fc.constantFrom(...ENCODINGS), fc.constantFrom(...DELIMITERS))
      .chain(([enc, d]) =>
        fc.tuple(
          fc.constant(enc),
          fc.constant(d),
          fc.array(fc.array(cellArb(enc.lang), { minLength: 4, maxLength: 4 }), { maxLength: 25 }),
          fc.constantFrom('\n', '\r\n'),
          fc.boolean(),
        ),
      );
    await fc.assert(
      fc.asyncProperty(caseArb, async ([enc, d, body, eol, finalEol]) => {
        const rows = body.map((cells, i) => [`r${i + 1}`, ...cells]);
        const text = toCsv([HEADERS[enc.lang], ...rows], d, eol) + (finalEol ? eol : '');
        const t = await readTable('t.csv', enc.encode(text));
        expect(t.detected).toMatchObject({ format: 'csv', encoding: enc.name, delimiter: d });
        expect(t.headers).toEqual(HEADERS[enc.lang]);
        expect(t.rows.map((r) => HEADERS[enc.lang].map((h) => r.cells[h]))).toEqual(rows);
        expect(t.skipped).toEqual([]);
      }),
      fuzz(400),
    );
  });

  it('reads JSON in the same encodings', async () => {
    for (const enc of ENCODINGS) {
      // Enough letters for KOI8 to be told from Windows-1251.
      const name =
        enc.lang === 'uk'
          ? 'Тестенко Іван, звільнений з полону'
          : 'Тестов Иван, освобождён из плена';
      const t = await readTable('t.json', enc.encode(JSON.stringify([{ id: 'a', name }])));
      expect(t.rows[0]?.cells, enc.name).toEqual({ id: 'a', name });
      expect(t.detected).toEqual({ format: 'json', encoding: enc.name });
    }
  });

  it('finds Windows-1251 Cyrillic that first appears after 64 KiB of plain ASCII', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `r${i};2024-01-01;exchange`).join('\n');
    const bytes = iconv.encode(`id;date;kind\n${ascii}\nr-last;2024-01-02;Тестенко\n`, 'win1251');
    expect(bytes.length).toBeGreaterThan(65536);
    const t = await readTable('late.csv', bytes);
    expect(t.detected).toMatchObject({ encoding: 'windows-1251', delimiter: ';' });
    expect(t.rows.at(-1)?.cells.kind).toBe('Тестенко');
  });

  it('uses the encoding and delimiter given instead, in any usual spelling', async () => {
    const bytes = iconv.encode('a;b\nТест;x\n', 'koi8-u');
    const t = await readTable('t.csv', bytes, { encoding: 'KOI8_U', delimiter: 'semicolon' });
    expect(t.rows[0]?.cells).toEqual({ a: 'Тест', b: 'x' });
    expect(t.detected).toMatchObject({ encoding: 'koi8-u', delimiter: ';' });
    expect(t.notices).toEqual([]);
    const comma = await readTable('t.csv', Buffer.from('a;b,c\n1;2,3\n'), { delimiter: ',' });
    expect(comma.headers).toEqual(['a;b', 'c']);
    for (const [options, fix] of [
      [{ encoding: 'latin-9' }, /utf-8, utf-16le, utf-16be, windows-1251, koi8-u, koi8-r/],
      [{ delimiter: ':' }, /semicolon/],
    ] as const) {
      const err = await readTable('t.csv', bytes, options).catch((e: unknown) => e);
      expectClearRejection(err, 't.csv');
      expect((err as InputError).problems[0]?.fix).toMatch(fix);
    }
  });

  it('says so when it read a file as Windows-1251 or KOI8, or with another delimiter than ","', async () => {
    const t = await readTable(
      'k.csv',
      iconv.encode('Прізвище;Примітки\nТестенко;жодних\n', 'koi8-u'),
    );
    expect(t.notices).toEqual([
      {
        code: 'read_as_cyrillic',
        params: { encoding: 'KOI8-U' },
        message:
          'k.csv is not UTF-8; it was read as KOI8-U (Cyrillic). Check the letters in the result, or save the file as "CSV UTF-8".',
      },
      {
        code: 'delimiter',
        params: { delimiter: ';' },
        message: 'k.csv: cells are separated by ";" (semicolon)',
      },
    ]);
  });

  it('refuses bytes that are not a text in any encoding it knows, and a UTF-16 file without its BOM', async () => {
    for (const bytes of [
      Buffer.from([0x69, 0x64, 0x0a, 0xa9, 0xae, 0xb0, 0x0a]),
      iconv.encode('id,title\na,A\n', 'utf16le'),
    ]) {
      const err = await readTable('x.csv', bytes).catch((e: unknown) => e);
      expectClearRejection(err, 'x.csv');
    }
  });
});

describe('telling KOI8 from Windows-1251', () => {
  const FAMILY = {
    uk: ['Тестенко', 'Петренко', 'Коваленко', 'Шевчук', 'Олійник', 'Ґудзь', 'Їжак', 'Єременко'],
    ru: ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Фёдоров', 'Морозов', 'Волков', 'Щукин'],
  };
  const GIVEN = {
    uk: ['Іван', 'Олена', 'Андрій', 'Юрій', 'Наталія', 'Євген', 'Ігор'],
    ru: ['Сергей', 'Дмитрий', 'Андрей', 'Наталья', 'Ольга', 'Елена', 'Михаил'],
  };
  const PLACES = {
    uk: ['СІЗО-2 Таганрог', 'ІК-10 Мордовія', 'Оленівка', 'невідомо'],
    ru: ['СИЗО-2 Таганрог', 'ИК-10 Мордовия', 'Еленовка', 'неизвестно'],
  };
  const textArb = fc
    .record({
      lang: fc.constantFrom('uk', 'ru'),
      caps: fc.constantFrom('none', 'header', 'all'),
      rows: fc.nat({ max: 60 }),
      seed: fc.nat(),
    })
    .map(({ lang, caps, rows, seed }) => {
      const l = lang;
      const pick = <T>(a: T[], i: number): T => a[(seed + i * 7919) % a.length]!;
      const header = HEADERS[l].join(';');
      const lines = [caps === 'none' ? header : header.toUpperCase()];
      for (let i = 0; i < rows; i++) {
        const line = `${i + 1};${pick(FAMILY[l], i)};${pick(GIVEN[l], i + 3)};1970;${pick(PLACES[l], i)}`;
        lines.push(caps === 'all' ? line.toUpperCase() : line);
      }
      return { lang: l, caps, text: lines.join('\r\n') };
    });

  it('never takes Windows-1251 text for KOI8, however short or capitalised', () => {
    fc.assert(
      fc.property(textArb, ({ text }) => {
        expect(cyrillicEncoding(iconv.encode(text, 'win1251'))).toBe('windows-1251');
      }),
      fuzz(500),
    );
  });

  it('finds KOI8 text when its letters say so clearly, and falls back to Windows-1251 otherwise', () => {
    fc.assert(
      fc.property(textArb, fc.boolean(), ({ lang, text }, asR) => {
        const encoding = lang === 'ru' && asR ? 'koi8-r' : 'koi8-u';
        const bytes = iconv.encode(text, encoding);
        const got = cyrillicEncoding(bytes);
        const upper = cyrillicEvidence(bytes).upper;
        const small = (text.match(/[а-яёіїєґ]/g) ?? []).length;
        const capitals = (text.match(/[А-ЯЁІЇЄҐ]/g) ?? []).length;
        if (small <= capitals && upper < 100) {
          // A short text mostly in capitals is too little to go by: the common encoding wins.
          expect(got).toBe('windows-1251');
          return;
        }
        // Russian text has none of the letters KOI8-U adds, and reads the same in both.
        expect(got).toBe(lang === 'uk' ? 'koi8-u' : 'koi8-r');
        expect(new TextDecoder(got).decode(bytes)).toBe(text);
      }),
      fuzz(500),
    );
  });

  it('reads the short capitalised headers Excel users type as Windows-1251', () => {
    for (const header of [
      'ПІБ;ДАТА',
      'ФИО',
      'ПРІЗВИЩЕ;ІМ’Я;ПО БАТЬКОВІ',
      '№;ФАМИЛИЯ;ИМЯ;ОТЧЕСТВО',
    ]) {
      expect(cyrillicEncoding(iconv.encode(header, 'win1251'))).toBe('windows-1251');
    }
  });
});

describe('the delimiter', () => {
  it('counts cells per logical line, quotes respected', () => {
    expect(cellCounts('a;b;"c;\nd"\n\n1;2;3\n4;5', ';', false)).toEqual([3, 3]);
    expect(cellCounts('a;b;"c;\nd"\n\n1;2;3\n4;5', ';', true)).toEqual([3, 3, 2]);
    expect(cellCounts('only a cut line', ',', false)).toEqual([1]);
  });

  it('is the one that splits most lines alike', () => {
    // Russian Excel: ";" between cells, "," in decimal numbers.
    expect(detectDelimiter('name;value\nx;1,5\ny;2,25\n', true)).toBe(';');
    // A title with a comma above a ";" table.
    expect(detectDelimiter('Список осіб, звільнених\nПІБ;Дата;Місце\na;b;c\nd;e;f\n', true)).toBe(
      ';',
    );
    // Three title lines and a note outnumber a short table; they split alike under every
    // candidate, so they do not decide (found by the documenter-file generator).
    expect(
      detectDelimiter(
        'Станом на 01.11.2026\nСписок осіб, утримуваних у полоні\nРеєстр звернень\n№;ПІБ;Стать\n1;a;ч\n\n2;b;ж\n\nПримітка: дані зібрані від родичів, не перевірені\n',
        true,
      ),
    ).toBe(';');
    // Citations joined by " ; " inside a comma file.
    expect(detectDelimiter('id,title,sources\na,A,x ; y\nb,B,z ; w\n', true)).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n', true)).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n', true)).toBe('|');
    // One column, or nothing to go by: a comma.
    expect(detectDelimiter('id\na\nb\n', true)).toBe(',');
    expect(detectDelimiter('', true)).toBe(',');
  });

  it('is named in the usual ways', () => {
    expect(
      ['comma', ';', 'Semicolon', 'tab', '\\t', '\t', '|', 'pipe'].map(delimiterNamed),
    ).toEqual([',', ';', ';', '\t', '\t', '\t', '|', '|']);
    expect(delimiterNamed(':')).toBeUndefined();
    expect(
      [
        'UTF8',
        'utf-8-sig',
        'cp1251',
        'Windows-1251',
        'koi8_r',
        'UTF-16',
        'utf16be',
        'constructor',
      ].map(encodingNamed),
    ).toEqual([
      'utf-8',
      'utf-8-bom',
      'windows-1251',
      'windows-1251',
      'koi8-r',
      'utf-16le',
      'utf-16be',
      undefined,
    ]);
  });
});
