import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { InputError } from '../../core/app-error.js';
import { exchangesImport } from '../exchanges/index.js';
import { personsImport } from '../persons/index.js';
import { bundledDataDir, loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { importBytes, importFile } from './run-import.js';
import { importCsvStream } from './stream-import.js';

const HEADER = 'id,date_start,kind,returned,returned_qualifier,military,sources';
const GOOD = '2024-01-03-exchange,2024-01-03,exchange,230,exact,224,https://example.org/a';
const CASES: [string, string][] = [
  ['a missing column', 'id,date_start,returned,sources\nx,2024-01-01,5,https://a.org\n'],
  ['a day that does not exist', `${HEADER}\n${GOOD.replace('2024-01-03,', '31.02.2024,')}\n`],
  [
    'a negative count and a bad kind',
    `${HEADER}\n${GOOD.replace(',224,', ',-224,')}\n${GOOD.replace('2024-01-03-exchange', 'b').replace(',exchange,', ',swap,')}\n`,
  ],
  [
    'an unknown source id',
    `${HEADER}\n${GOOD}\n${GOOD.replace('2024-01-03-exchange', 'c').replace('https://example.org/a', 'no-such-source')}\n`,
  ],
  ['a repeated id', `${HEADER}\n${GOOD}\n${GOOD}\n`],
  ['a header without rows', `${HEADER}\n`],
  ['extra cells', `${HEADER}\n${GOOD},extra\n`],
];

const problemsOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  return (e as InputError).problems.map(({ file: _f, ...rest }) => rest);
};

describeEachDb('streaming a large CSV import', (get) => {
  const dir = mkdtempSync(join(tmpdir(), 'polon-stream-'));
  for (const [what, text] of CASES) {
    it(`reports ${what} exactly as the whole-file import does, and writes nothing`, async () => {
      const { db } = get();
      await loadPublicDataset(db);
      const before = await tableCounts(db);
      const path = join(dir, `case-${what.replace(/\W+/g, '-')}.csv`);
      writeFileSync(path, text);
      const streamed = await problemsOf(importFile(db, exchangesImport, path, { stream: true }));
      const whole = await problemsOf(importBytes(db, exchangesImport, path, Buffer.from(text)));
      expect(streamed).toEqual(whole);
      expect(await tableCounts(db)).toEqual(before);
    });
  }

  it('imports the public exchanges the same way, and again changes nothing', async () => {
    const { db } = get();
    const path = join(bundledDataDir(), 'exchanges.csv');
    expect(await importFile(db, exchangesImport, path, { stream: true })).toMatchObject({
      rows: 93,
      inserted: 93,
    });
    expect(await importFile(db, exchangesImport, path, { stream: true })).toMatchObject({
      rows: 93,
      inserted: 0,
      updated: 0,
      unchanged: 93,
    });
    expect(await importBytes(db, exchangesImport, path, readFileSync(path))).toMatchObject({
      unchanged: 93,
    });
  });

  it('streams thousands of person rows in batches with a title row and a total row', async () => {
    const { db } = get();
    await importBytes(
      db,
      sourcesImport,
      's.csv',
      Buffer.from('id,title\nreg,Synthetic register\n'),
    );
    const lines = ['Синтетичний список', "Джерело,№,Прізвище,Ім'я,Дата народження"];
    for (let i = 0; i < 4321; i++) lines.push(`reg,${i},Тестенко${i},Іван,${1960 + (i % 40)}`);
    lines.push('Всього,4321');
    const path = join(dir, 'persons.csv');
    writeFileSync(path, lines.join('\n'));
    const r = await importFile(db, personsImport, path, { stream: true });
    expect(r).toMatchObject({ rows: 4321, inserted: 4321 });
    expect(r.notices.map((n) => n.message).join(' ')).toMatch(/starts on row 2.*|total/);
    expect((await tableCounts(db)).audit_log).toBe(2);
  });

  const personsCsv = (bad: boolean): string => {
    const lines = ['Синтетичний список', "Джерело,№,Прізвище,Ім'я,Дата народження,Примітки"];
    for (let i = 0; i < 2500; i++) {
      const note = i % 700 === 0 ? '"два рядки,\nз комою"' : '';
      // In the bad file, rows in three batches name sources nobody registered, two of them
      // the same one in the same batch.
      const source =
        bad && i % 1000 === 999 ? 'nosuch' : bad && (i === 1500 || i === 1510) ? 'other' : 'reg';
      lines.push(`${source},${i},Тестенко${i},Іван,${1960 + (i % 40)},${note}`);
    }
    if (bad) {
      lines.push('reg,2600,Петренко,Олег,31.02.1980,');
      lines.push('nosuch,2601,Петренко,Олег,1980,');
      lines.push('reg,17,Тестенко17,Іван,1977,');
    }
    lines.push('Всього,2500');
    return lines.join('\n');
  };

  it('reports the same problems with the same line numbers whether rows are read on a worker thread or not', async () => {
    const { db } = get();
    await importBytes(db, sourcesImport, 's.csv', Buffer.from('id,title\nreg,Synthetic\n'));
    const path = join(dir, 'persons-bad.csv');
    writeFileSync(path, personsCsv(true));
    const before = await tableCounts(db);
    const inWorker = await problemsOf(importCsvStream(db, personsImport, path));
    const inline = await problemsOf(importCsvStream(db, personsImport, path, { parallel: false }));
    expect(inWorker).toEqual(inline);
    // Three data lines hold a quoted line break, so the bad rows sit three lines lower.
    expect(inWorker.map((p) => [p.row, p.column]).sort()).toEqual([
      [1004, 'Джерело'],
      [1506, 'Джерело'],
      [1516, 'Джерело'],
      [2005, 'Джерело'],
      [2507, 'Дата народження'],
      [2508, 'Джерело'],
      [2509, '№'],
    ]);
    expect(inWorker.find((p) => p.row === 1506)?.message).toMatch(/"other"/);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('writes the same records from a worker thread as from this one', async () => {
    const { db } = get();
    await importBytes(db, sourcesImport, 's.csv', Buffer.from('id,title\nreg,Synthetic\n'));
    const path = join(dir, 'persons-good.csv');
    writeFileSync(path, personsCsv(false));
    const now = new Date('2026-01-01T00:00:00Z');
    const a = await importCsvStream(db, personsImport, path, { now });
    expect(a).toMatchObject({ rows: 2500, inserted: 2500 });
    const rowsA = await db.kysely.selectFrom('records').selectAll().orderBy('id').execute();
    await db.kysely.deleteFrom('records').execute();
    await db.kysely.deleteFrom('imports').execute();
    const b = await importCsvStream(db, personsImport, path, { now, parallel: false });
    expect(b).toEqual(a);
    expect(await db.kysely.selectFrom('records').selectAll().orderBy('id').execute()).toEqual(
      rowsA,
    );
    expect(
      await importCsvStream(db, personsImport, path, { now: new Date('2026-01-02T00:00:00Z') }),
    ).toMatchObject({
      unchanged: 2500,
    });
  });
});
