import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { InputError } from '../../core/app-error.js';
import { importBytes, importFile } from '../imports/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { personsImport } from './index.js';

// Synthetic names only: no real person appears in a test.
const HEADER = [
  'ПІБ',
  'Дата народження',
  'Стать',
  'Статус',
  'Дата полону',
  'Місце полону',
  'Місце утримання',
  'Дата звільнення',
  'Контакти родичів',
];

type Cell = string | number | Date;

/** A documenter's working sheet: a merged title, a blank line, a total, no source or id. */
async function workingSheet(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Полонені');
  ws.addRow(['Список полонених громади (синтетичні дані)']);
  ws.mergeCells('A1:I1');
  ws.addRow(HEADER);
  rows.forEach((r, i) => {
    if (i === 1) ws.addRow([]);
    ws.addRow(r);
  });
  ws.addRow(['Всього:', rows.length]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ROWS: Cell[][] = [
  [
    'Тестенко Олександр Петрович',
    '12.03.1985',
    'ч',
    'в полоні',
    '2022-05',
    'Маріуполь',
    'СІЗО-2 Таганрог',
    '',
    'сестра',
  ],
  [
    'Примерова Марія Іванівна',
    new Date(Date.UTC(1979, 10, 2)),
    'ж',
    'звільнена',
    '03.2022',
    '',
    'Курське СІЗО №1',
    '24.08.2024',
    '',
  ],
  ['Зразковий Іван', '1961', 'чол.', 'цивільний', '', '', 'Виправна колонія на Місяці', '', ''],
  ['Іван Зразковий', '1990', 'ч', '', '2023', '', '', '', ''],
];

async function prepare(t: TestDb): Promise<void> {
  await loadPublicDataset(t.db);
  await importBytes(
    t.db,
    sourcesImport,
    'sources.csv',
    Buffer.from('id,title,reliability,credibility\nhotline,Synthetic hotline list,C,3\n'),
  );
}

describeEachDb('a flat person sheet with no source and no id column', (get) => {
  it('imports every person with what the row states, and importing it again changes nothing', async () => {
    const t = get();
    await prepare(t);
    const file = await workingSheet(ROWS);
    const r = await importBytes(t.db, personsImport, 'working-sheet.xlsx', file, {
      source: 'hotline',
    });
    expect(r).toMatchObject({
      rows: 4,
      inserted: 4,
      source: 'hotline',
      recordIds: { fromFile: 0, fromContent: 4 },
      facts: {
        events: { inserted: 4, updated: 0, unchanged: 0, removed: 0 },
        episodes: { inserted: 3, updated: 0, unchanged: 0, removed: 0 },
      },
    });
    expect(r.unresolvedPlaces?.map((u) => [u.row, u.text])).toEqual([
      [6, 'Виправна колонія на Місяці'],
    ]);

    const events = await t.db.kysely
      .selectFrom('events')
      .innerJoin('records', 'records.id', 'events.record_id')
      .select([
        'records.full_name',
        'events.kind',
        'events.date',
        'events.date_from',
        'events.place',
      ])
      .orderBy('events.date_from')
      .execute();
    expect(events.map((e) => [e.full_name, e.kind, e.date, e.place])).toEqual([
      ['Примерова Марія Іванівна', 'captured', '2022-03', null],
      ['Тестенко Олександр Петрович', 'captured', '2022-05', 'Маріуполь'],
      ['Іван Зразковий', 'captured', '2023', null],
      ['Примерова Марія Іванівна', 'released', '2024-08-24', null],
    ]);
    const episodes = await t.db.kysely
      .selectFrom('episodes')
      .select(['facility_id', 'facility_text'])
      .orderBy('facility_text')
      .execute();
    expect(episodes.map((e) => [e.facility_text, e.facility_id])).toEqual([
      ['Виправна колонія на Місяці', null],
      ['Курське СІЗО №1', 'kursk-sizo-1'],
      ['СІЗО-2 Таганрог', 'taganrog-sizo-2'],
    ]);
    const records = await t.db.kysely
      .selectFrom('records')
      .select(['full_name', 'birth_date', 'sex', 'category', 'status', 'source_id'])
      .orderBy('birth_date')
      .execute();
    expect(records.map((x) => [x.birth_date, x.sex, x.category, x.status, x.source_id])).toEqual([
      ['1961', 'male', 'civilian', null, 'hotline'],
      ['1979-11-02', 'female', null, 'released', 'hotline'],
      ['1985-03-12', 'male', null, 'captured', 'hotline'],
      ['1990', 'male', null, null, 'hotline'],
    ]);

    const before = await tableCounts(t.db);
    const again = await importBytes(t.db, personsImport, 'working-sheet.xlsx', file, {
      source: 'hotline',
    });
    expect(again).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 4,
      facts: {
        events: { inserted: 0, updated: 0, unchanged: 4, removed: 0 },
        episodes: { inserted: 0, updated: 0, unchanged: 3, removed: 0 },
      },
    });
    const after = await tableCounts(t.db);
    expect({ ...after, imports: 0, audit_log: 0 }).toEqual({
      ...before,
      imports: 0,
      audit_log: 0,
    });
  });

  it('a newer copy with rows moved, one added and cells edited updates what changed and adds no duplicate', async () => {
    const t = get();
    await prepare(t);
    await importBytes(t.db, personsImport, 'v1.xlsx', await workingSheet(ROWS), {
      source: 'hotline',
    });
    const [a, b, c, d] = ROWS as [Cell[], Cell[], Cell[], Cell[]];
    const moved: Cell[] = [...a];
    moved[6] = 'ІК-1 Зверево'; // transferred: the place changed
    const released: Cell[] = [...b];
    released[7] = ''; // the release date was a mistake
    const v2 = [
      d,
      released,
      ['Новенький Петро', '2001', 'ч', 'в полоні', '2024-12', '', '', '', ''],
      c,
      moved,
    ];
    const r = await importBytes(t.db, personsImport, 'v2.xlsx', await workingSheet(v2), {
      source: 'hotline',
    });
    // The two edited rows update their records (they are the same people), nothing doubles.
    expect(r).toMatchObject({ rows: 5, inserted: 1, updated: 2, unchanged: 2 });
    expect(r.facts).toMatchObject({
      events: { inserted: 1, updated: 1, unchanged: 3, removed: 0 },
      episodes: { inserted: 0, updated: 1, unchanged: 2, removed: 0 },
    });
    const counts = await tableCounts(t.db);
    expect(counts.records).toBe(5);
    // "звільнена" still says she was released, without a day now.
    const release = await t.db.kysely
      .selectFrom('events')
      .select(['date'])
      .where('kind', '=', 'released')
      .execute();
    expect(release).toEqual([{ date: null }]);
    const place = await t.db.kysely
      .selectFrom('episodes')
      .select('facility_id')
      .where('facility_text', '=', 'ІК-1 Зверево')
      .execute();
    expect(place).toEqual([{ facility_id: 'zverevo-ik-1' }]);
  });

  it('without --source and without a source column, says how to name the source and writes nothing', async () => {
    const t = get();
    await prepare(t);
    const before = await tableCounts(t.db);
    const err = await importBytes(
      t.db,
      personsImport,
      'working-sheet.xlsx',
      await workingSheet(ROWS),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: 'source' });
    expect(problems[0]?.fix).toContain('--source');
    const unknown = await importBytes(
      t.db,
      personsImport,
      'working-sheet.xlsx',
      await workingSheet(ROWS),
      { source: 'nobody' },
    ).catch((e: unknown) => e);
    expect((unknown as InputError).problems[0]?.fix).toContain('polon sources add');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('keeps two rows naming the same person with no id as two records, and says so', async () => {
    const t = get();
    await prepare(t);
    const [a] = ROWS as [Cell[]];
    const r = await importBytes(t.db, personsImport, 'twice.xlsx', await workingSheet([a, a]), {
      source: 'hotline',
    });
    expect(r).toMatchObject({ rows: 2, inserted: 2 });
    expect(r.notices.map((n) => n.message).join('\n')).toMatch(/row 5 \(as row 3\)/);
    const again = await importBytes(t.db, personsImport, 'twice.xlsx', await workingSheet([a, a]), {
      source: 'hotline',
    });
    expect(again).toMatchObject({ inserted: 0, unchanged: 2 });
  });
});

describeEachDb('a large flat sheet read on a worker thread', (get) => {
  it('states the same events and episodes as the whole-file import, row for row', async () => {
    const t = get();
    await prepare(t);
    const places = ['СІЗО-2 Таганрог', 'Курське СІЗО №1', 'Невідоме місце 7', ''];
    const lines = [
      'ПІБ,Дата народження,Статус,Дата полону,Місце утримання,Утримується з,Дата смерті',
    ];
    const expected = { captured: 0, died: 0, episodes: 0 };
    for (let i = 0; i < 2500; i++) {
      const place = places[i % places.length] ?? '';
      const captured = i % 3 !== 0;
      const died = i % 97 === 0;
      if (captured) expected.captured++;
      if (died) expected.died++;
      if (place) expected.episodes++;
      lines.push(
        [
          `Тестенко${i} Іван`,
          `${1960 + (i % 40)}`,
          died ? 'загинув' : '',
          captured ? `${String(1 + (i % 28)).padStart(2, '0')}.05.2022` : '',
          place,
          place ? '2023-01' : '',
          died ? '2024' : '',
        ].join(','),
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'polon-flat-'));
    const path = join(dir, 'big.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    try {
      const streamed = await importFile(t.db, personsImport, path, {
        stream: true,
        source: 'hotline',
      });
      expect(streamed).toMatchObject({
        rows: 2500,
        inserted: 2500,
        recordIds: { fromFile: 0, fromContent: 2500 },
        facts: {
          events: { inserted: expected.captured + expected.died },
          episodes: { inserted: expected.episodes },
        },
      });
      expect(new Set(streamed.unresolvedPlaces?.map((u) => u.text))).toEqual(
        new Set(['Невідоме місце 7']),
      );
      expect(streamed.unresolvedPlaces?.[0]?.row).toBe(4);
      // The whole-file import of the same file finds every record, event and episode as the
      // worker wrote them.
      const whole = await importFile(t.db, personsImport, path, {
        stream: false,
        source: 'hotline',
      });
      expect(whole).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: 2500,
        facts: {
          events: { inserted: 0, updated: 0, unchanged: expected.captured + expected.died },
          episodes: { inserted: 0, updated: 0, unchanged: expected.episodes },
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
