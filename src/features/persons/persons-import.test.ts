import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { InputError } from '../../core/app-error.js';
import { importBytes } from '../imports/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { episodesImport, eventsImport, occupancyImport, personsImport, recordId } from './index.js';

// Synthetic names only: no real person appears in a test.
const HEADER = [
  'Джерело',
  '№',
  'Прізвище',
  "Ім'я",
  'По батькові',
  'Дата народження',
  'Стать',
  'Категорія',
  'Дата полону',
];

async function messyWorkbook(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Список');
  ws.addRow(['Список осіб, звільнених з полону (синтетичні дані)']);
  ws.mergeCells('A1:I1');
  ws.addRow(HEADER);
  rows.forEach((r, i) => {
    if (i === 2) ws.addRow([]);
    ws.addRow(r);
  });
  ws.addRow(['Всього: ' + rows.length]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GOOD_ROWS: (string | number | Date)[][] = [
  [
    'ua-register',
    'A-1',
    'Тестенко',
    'Олександр',
    'Петрович',
    '12.03.1985',
    'ч',
    'військовий',
    '2022-05',
  ],
  ['ua-register', 'A-2', 'Примеров', 'Сергей', 'Иванович', '1990-05-01', 'м', 'военный', '2022'],
  [
    'ua-register',
    'A-3',
    'Testenko',
    'Oleksandr',
    '',
    new Date(Date.UTC(1979, 10, 2)),
    'male',
    'military',
    '~2023',
  ],
  ['ua-register', 'A-4', 'Зразкова', 'Марія', 'Іванівна', '1961', 'ж', 'цивільна', ''],
];

async function withSource(t: TestDb): Promise<void> {
  await importBytes(
    t.db,
    sourcesImport,
    'sources.csv',
    Buffer.from('id,title,reliability,credibility\nua-register,Synthetic register,B,2\n'),
  );
}

describeEachDb('importing persons from a messy spreadsheet', (get) => {
  it('skips the merged title row, the blank line and the total row, and reads three date styles', async () => {
    const t = get();
    await withSource(t);
    const r = await importBytes(t.db, personsImport, 'list.xlsx', await messyWorkbook(GOOD_ROWS));
    expect(r).toMatchObject({ rows: 4, inserted: 4 });
    expect(r.notices.map((n) => n.message).join('\n')).toMatch(/starts on row 2/);
    expect(r.notices.map((n) => n.message).join('\n')).toMatch(/row \d+ looks like a total/);
    const rows = await t.db.kysely
      .selectFrom('records')
      .select([
        'id',
        'birth_date',
        'birth_precision',
        'sex',
        'category',
        'name_script',
        'capture_date',
      ])
      .orderBy('birth_date')
      .execute();
    expect(
      rows.map((x) => [
        x.birth_date,
        x.birth_precision,
        x.sex,
        x.category,
        x.name_script,
        x.capture_date,
      ]),
    ).toEqual([
      ['1961', 'year', 'female', 'civilian', 'cyrillic', null],
      ['1979-11-02', 'day', 'male', 'military', 'latin', '2023'],
      ['1985-03-12', 'day', 'male', 'military', 'cyrillic', '2022-05'],
      ['1990-05-01', 'day', 'male', 'military', 'cyrillic', '2022'],
    ]);
    expect(rows.map((x) => x.id)).toContain(recordId('ua-register', 'A-1'));
    const again = await importBytes(
      t.db,
      personsImport,
      'list.xlsx',
      await messyWorkbook(GOOD_ROWS),
    );
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
  });

  it('fails with a precise report naming the columns as the file does, and writes nothing', async () => {
    const t = get();
    await withSource(t);
    const before = await tableCounts(t.db);
    const bad = GOOD_ROWS.map((r) => [...r]);
    bad[0]![5] = '31.02.1985';
    bad[1]![5] = '5/3/1990';
    bad[2]![0] = 'no-such-source';
    bad[3]![6] = 'невідомо';
    const err = await importBytes(t.db, personsImport, 'list.xlsx', await messyWorkbook(bad)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems.map((p) => [p.row, p.column, p.message]);
    expect(problems).toEqual([
      [3, 'Дата народження', 'day 31 does not exist in 1985-02 (it has 28 days)'],
      [4, 'Дата народження', 'is ambiguous: 5/3/1990 may be day/month or month/day'],
      [6, 'Джерело', 'names the source "no-such-source", which is not registered'],
      [7, 'Стать', 'is not a known sex'],
    ]);
    // A birth date is personal data: it is never echoed back.
    expect(JSON.stringify((err as InputError).problems)).not.toContain('31.02.1985');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('reads a day order given for the file', async () => {
    const t = get();
    await withSource(t);
    const rows = GOOD_ROWS.map((r) => [...r]);
    rows[1]![5] = '5/3/1990';
    await importBytes(t.db, personsImport, 'list.xlsx', await messyWorkbook(rows), {
      dateOrder: 'MDY',
    });
    const r = await t.db.kysely
      .selectFrom('records')
      .select('birth_date')
      .where('id', '=', recordId('ua-register', 'A-2'))
      .executeTakeFirstOrThrow();
    expect(r.birth_date).toBe('1990-05-03');
  });
});

describeEachDb('importing events, episodes and occupancy reports', (get) => {
  async function seed(t: TestDb) {
    await loadPublicDataset(t.db);
    await withSource(t);
    await importBytes(t.db, personsImport, 'list.xlsx', await messyWorkbook(GOOD_ROWS));
  }

  it('reads a KoboToolbox export with grouped column names and resolves facilities by name', async () => {
    const t = get();
    await seed(t);
    const kobo = [
      'person/source,person/record_id,detention/facility,detention/from,detention/to,detention/cell',
      'ua-register,A-1,Таганрозьке СІЗО,03.2022,2023-01,12',
      'ua-register,A-2,kursk-sizo-1,2022,,',
      'ua-register,A-3,Ферма дядька Миколи під Тестовим,2022-06,,',
    ].join('\n');
    const r = await importBytes(t.db, episodesImport, 'kobo.csv', Buffer.from(kobo));
    expect(r.inserted).toBe(3);
    expect(r.notices.map((n) => n.message).join('\n')).toMatch(
      /matches no known place; kept as written/,
    );
    const eps = await t.db.kysely
      .selectFrom('episodes')
      .select(['facility_id', 'facility_text', 'start_date', 'end_date'])
      .orderBy('start_date')
      .execute();
    expect(eps.map((e) => e.facility_id)).toEqual(
      expect.arrayContaining(['taganrog-sizo-2', 'kursk-sizo-1', null]),
    );
  });

  it('links a release to its exchange and refuses an exchange id that does not exist', async () => {
    const t = get();
    await seed(t);
    const ok =
      'source,record_id,kind,date,exchange_id\nua-register,A-1,звільнений,2024-12-30,2024-12-30-exchange\nua-register,A-1,captured,2022-05,\n';
    const exchangeIds = (await t.db.kysely.selectFrom('exchanges').select('id').execute()).map(
      (e) => e.id,
    );
    expect(exchangeIds).toContain('2024-12-30-exchange');
    expect(await importBytes(t.db, eventsImport, 'events.csv', Buffer.from(ok))).toMatchObject({
      inserted: 2,
    });
    const bad =
      'source,record_id,kind,date,exchange_id\nua-register,A-1,released,2024-12-30,no-such-exchange\nua-register,Z-9,captured,2022,\n';
    const err = (await importBytes(t.db, eventsImport, 'events.csv', Buffer.from(bad)).catch(
      (e: unknown) => e,
    )) as InputError;
    expect(err.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'exchange_id'],
      [3, 'record_id'],
    ]);
  });

  it('records occupancy counts with their qualifier and scope', async () => {
    const t = get();
    await seed(t);
    const csv =
      'source,facility,date,count,scope\nua-register,Таганрозьке СІЗО,2024-03,~40,корпус\nua-register,kursk-sizo-1,2023,12+,камера\n';
    await importBytes(t.db, occupancyImport, 'occ.csv', Buffer.from(csv));
    const rows = await t.db.kysely
      .selectFrom('occupancy_reports')
      .select(['facility_id', 'count', 'count_qualifier', 'scope'])
      .orderBy('count')
      .execute();
    expect(rows).toEqual([
      { facility_id: 'kursk-sizo-1', count: 12, count_qualifier: 'more_than', scope: 'cell' },
      { facility_id: 'taganrog-sizo-2', count: 40, count_qualifier: 'approx', scope: 'block' },
    ]);
  });
});
