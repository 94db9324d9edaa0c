import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../../test/databases.js';
import { importBytes } from '../imports/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { exportRecords, personsImport, RECORD_EXPORT_COLUMNS } from './index.js';

const LINK_COLUMNS = [
  'record_id',
  'source',
  'family_name',
  'given_name',
  'patronymic',
  'full_name',
  'birth_date',
  'sex',
  'unit',
];

// Synthetic people; one name is a formula a spreadsheet would run.
const SHEET = [
  'ПІБ,Дата народження,Стать,В/ч,Місце утримання,Дата полону',
  'Тестенко Іван Петрович,~1985,ч,=1+2,СІЗО-2 Таганрог,05.2022',
  'Примерова Ольга,1990-03,ж,,,',
  'Зразковий Петро,12.01.1979,ч,@SUM(A1),,2023',
].join('\n');

async function prepare(t: TestDb): Promise<void> {
  await loadPublicDataset(t.db);
  await importBytes(
    t.db,
    sourcesImport,
    's.csv',
    Buffer.from('id,title\nhotline,Synthetic hotline\nregister,Synthetic register\n'),
  );
  await importBytes(t.db, personsImport, 'sheet.csv', Buffer.from(SHEET), { source: 'hotline' });
  await importBytes(
    t.db,
    personsImport,
    'register.csv',
    Buffer.from('№,Прізвище,Імя\nR-7,Реєстровий,Андрій\n'),
    { source: 'register' },
  );
}

describeEachDb('exporting records', (get) => {
  it('writes the link columns first, birth dates at their precision, formulas made text, and audits the reason', async () => {
    const t = get();
    await prepare(t);
    const csv = await exportRecords(t.db.kysely, {
      format: 'csv',
      reason: 'linkage run for the quarterly estimate',
      source: 'hotline',
      actor: 'test',
    });
    expect(csv.records).toBe(3);
    const rows = parse<Record<string, string>>(csv.body, { columns: true });
    expect(Object.keys(rows[0] ?? {}).slice(0, LINK_COLUMNS.length)).toEqual(LINK_COLUMNS);
    expect(Object.keys(rows[0] ?? {})).toEqual([...RECORD_EXPORT_COLUMNS]);
    expect(rows.map((r) => [r.full_name, r.birth_date, r.sex, r.unit]).sort()).toEqual([
      ['Зразковий Петро', '1979-01-12', 'male', "'@SUM(A1)"],
      ['Примерова Ольга', '1990-03', 'female', ''],
      ['Тестенко Іван Петрович', '~1985', 'male', "'=1+2"],
    ]);
    expect(rows.every((r) => r.source === 'hotline')).toBe(true);
    const held = rows.find((r) => r.held_place);
    expect(held).toMatchObject({ held_place: 'СІЗО-2 Таганрог', capture_date: '2022-05' });

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity', 'details'])
      .where('action', '=', 'export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]?.details))).toMatchObject({
      reason: 'linkage run for the quarterly estimate',
      records: 3,
      source: 'hotline',
      format: 'csv',
    });
  });

  it('gives JSON objects and a workbook with the same rows, and an export imports again unchanged', async () => {
    const t = get();
    await prepare(t);
    const json = await exportRecords(t.db.kysely, {
      format: 'json',
      reason: 'review',
      actor: 'test',
    });
    const list = JSON.parse(json.body as string) as Record<string, string | null>[];
    expect(list).toHaveLength(4);
    expect(list.find((r) => r.source === 'register')).toMatchObject({
      record_id: 'R-7',
      family_name: 'Реєстровий',
      given_name: 'Андрій',
    });
    const xlsx = await exportRecords(t.db.kysely, {
      format: 'xlsx',
      reason: 'review',
      actor: 'test',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect((sheet.getRow(1).values as string[]).slice(1, 10)).toEqual(LINK_COLUMNS);

    // The register's record has no formulas: exported and imported again, nothing changes.
    const back = await exportRecords(t.db.kysely, {
      format: 'csv',
      reason: 'round trip',
      source: 'register',
      actor: 'test',
    });
    const again = await importBytes(t.db, personsImport, 'back.csv', Buffer.from(back.body));
    expect(again).toMatchObject({ rows: 1, inserted: 0, updated: 0, unchanged: 1 });
  });

  it('refuses an export without a reason or of an unknown source', async () => {
    const t = get();
    await prepare(t);
    await expect(
      exportRecords(t.db.kysely, { format: 'csv', reason: ' ', actor: 'test' }),
    ).rejects.toThrow(/--reason/);
    await expect(
      exportRecords(t.db.kysely, { format: 'csv', reason: 'x', source: 'nope', actor: 'test' }),
    ).rejects.toThrow(/polon sources list/);
  });
});
