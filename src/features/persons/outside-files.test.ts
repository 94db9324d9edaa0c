import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { importBytes } from '../imports/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { addSource } from '../sources/index.js';
import { personsImport } from './index.js';

/** Files made by openpyxl and LibreOffice, as documenters' files are (test/fixtures/outside). */
const OUTSIDE = join(import.meta.dirname, '../../../test/fixtures/outside');
const read = (name: string): Buffer => readFileSync(join(OUTSIDE, name));

async function prepare(t: TestDb): Promise<void> {
  await loadPublicDataset(t.db);
  await addSource(t.db.kysely, { id: 'hotline', title: 'Hotline list (synthetic)' }, 'test');
}

async function facts(t: TestDb) {
  const records = await t.db.kysely
    .selectFrom('records')
    .select(['id', 'source_record_id', 'full_name', 'birth_date', 'birth_precision', 'sex'])
    .orderBy('full_name')
    .execute();
  const events = await t.db.kysely
    .selectFrom('events')
    .select(['record_id', 'kind', 'date'])
    .execute();
  const episodes = await t.db.kysely
    .selectFrom('episodes')
    .select(['record_id', 'facility_id', 'facility_text'])
    .execute();
  return records.map((r) => ({
    id: r.source_record_id,
    name: r.full_name,
    birth: r.birth_precision === 'approx' ? `~${r.birth_date}` : r.birth_date,
    sex: r.sex,
    events: events
      .filter((e) => e.record_id === r.id)
      .map((e) => `${e.kind} ${e.date ?? '?'}`)
      .sort(),
    held: episodes
      .filter((e) => e.record_id === r.id)
      .map((e) => e.facility_id ?? `? ${e.facility_text}`),
  }));
}

const WORKING_SHEET = [
  {
    id: '4',
    name: 'Вигаденко Петро Сергійович',
    birth: '~1990',
    sex: 'male',
    events: ['captured 2024-02-10', 'missing ?'],
    held: ['? невідомо, ймовірно Ростовська обл.'],
  },
  {
    id: '3',
    name: 'Зразковий Іван Миколайович',
    birth: '1961',
    sex: 'male',
    events: ['captured 2023'],
    held: ['zverevo-ik-1'],
  },
  {
    id: '2',
    name: 'Примерова Марія Іванівна',
    birth: '1979-11-02',
    sex: 'female',
    events: ['captured 2022-03', 'released ?'],
    held: ['kursk-sizo-1'],
  },
  {
    id: '5',
    name: 'Синтетична Ольга Петрівна',
    birth: '1988-07-05',
    sex: 'female',
    events: ['captured 2022-03-24'],
    held: ['olenivka-ik-120'],
  },
  {
    id: '1',
    name: 'Тестенко Олександр Петрович',
    birth: '1985-03-12',
    sex: 'male',
    events: ['captured 2022-05-17'],
    held: ['taganrog-sizo-2'],
  },
];

describeEachDb('files made outside Polon', (get) => {
  for (const name of [
    'working-sheet-openpyxl.xlsx',
    'working-sheet-libreoffice.xlsx',
    'working-sheet.ods',
    'working-sheet.xls',
  ])
    it(`${name}: a working sheet with a merged title, blank rows, a total and a note imports whole, and again changes nothing`, async () => {
      const t = get();
      await prepare(t);
      const r = await importBytes(t.db, personsImport, name, read(name), { source: 'hotline' });
      expect(r).toMatchObject({ rows: 5, inserted: 5, recordIds: { fromFile: 5, fromContent: 0 } });
      expect(await facts(t)).toEqual(WORKING_SHEET);
      const before = await tableCounts(t.db);
      const again = await importBytes(t.db, personsImport, name, read(name), { source: 'hotline' });
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
      expect(again.facts).toMatchObject({
        events: { inserted: 0, updated: 0, removed: 0 },
        episodes: { inserted: 0, updated: 0, removed: 0 },
      });
      expect({ ...(await tableCounts(t.db)), imports: 0, audit_log: 0 }).toEqual({
        ...before,
        imports: 0,
        audit_log: 0,
      });
    });

  it('a Windows-1251, ;-separated list with Russian headers imports whole, and again changes nothing', async () => {
    const t = get();
    await prepare(t);
    const name = 'list-ru-cp1251-semicolon.csv';
    const r = await importBytes(t.db, personsImport, name, read(name), { source: 'hotline' });
    expect(r).toMatchObject({ rows: 4, inserted: 4, recordIds: { fromFile: 0, fromContent: 4 } });
    expect(await facts(t)).toEqual([
      {
        id: expect.stringMatching(/^~/) as unknown,
        name: 'Выдумкин Павел',
        birth: '2000-07-07',
        sex: 'male',
        events: [],
        held: [],
      },
      {
        id: expect.stringMatching(/^~/) as unknown,
        name: 'Образцов Олег Олегович',
        birth: '~1975',
        sex: 'male',
        events: ['captured 2023'],
        held: ['udarny-ik-10'],
      },
      {
        id: expect.stringMatching(/^~/) as unknown,
        name: 'Примеров Сергей Иванович',
        birth: '1990-05-01',
        sex: 'male',
        events: ['captured 2022-04-12'],
        held: ['kursk-sizo-1'],
      },
      {
        id: expect.stringMatching(/^~/) as unknown,
        name: 'Тестова Анна Петровна',
        birth: '1984',
        sex: 'female',
        events: ['captured 2022-03', 'released 2024-08-24'],
        held: ['taganrog-sizo-2'],
      },
    ]);
    const again = await importBytes(t.db, personsImport, name, read(name), { source: 'hotline' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
  });
});
