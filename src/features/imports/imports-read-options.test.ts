import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { ImportHeaders, ImportResult } from '../../../contract/index.js';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { workbookOf, type SheetModel } from '../../../test/workbooks.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { sourcesImport } from '../sources/index.js';
import { importBytes } from './run-import.js';

const HEADER = ['Джерело', 'Номер', 'Прізвище', "Ім'я", 'Дата народження'];
const persons = (name: string, ids: string[]): SheetModel => ({
  name,
  rows: [
    ['Список (синтетичний)'],
    HEADER,
    ...ids.map((id) => ['testimonies', id, 'Тестенко', 'Іван', '1970']),
    ['Всього:', ids.length],
  ],
  merges: [{ top: 1, bottom: 1, left: 0, right: 4 }],
});

describeEachDb('how the file routes read a file: detected, skipped, and the options', (get) => {
  async function setup() {
    const { db } = get();
    await importBytes(db, sourcesImport, 's.csv', Buffer.from('id,title\ntestimonies,Synthetic\n'));
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'documenter');
    const send = (path: 'file' | 'headers', body: Buffer, query: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/imports/persons/${path}?${new URLSearchParams(query).toString()}`,
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'content-type': 'application/octet-stream',
        },
        payload: body,
      });
    return { db, send };
  }

  it('reads a Windows-1251 ";" CSV as Russian-locale Excel saves it, and says how', async () => {
    const { send } = await setup();
    const csv = iconv.encode(
      `Список полонених\r\n${HEADER.join(';')}\r\ntestimonies;T1;Тестенко;Іван;05.03.1990\r\nВсього:;1\r\n`,
      'win1251',
    );
    const res = await send('file', csv, { name: 'p.csv', dryRun: 'true' });
    expect(res.statusCode).toBe(200);
    const body = ImportResult.parse(res.json());
    expect(body).toMatchObject({ rows: 1, inserted: 1 });
    expect(body.detected).toEqual({
      format: 'csv',
      encoding: 'windows-1251',
      delimiter: ';',
      headerRow: 2,
    });
    expect(body.skippedRows).toEqual([
      { row: 1, reason: 'above the header (title or note)' },
      { row: 4, reason: 'total row ("Всього: 1")' },
    ]);
    const given = await send('headers', csv, {
      name: 'p.csv',
      encoding: 'cp1251',
      delimiter: 'semicolon',
    });
    expect(ImportHeaders.parse(given.json()).headers.map((h) => h.header)).toEqual(HEADER);
  });

  it('asks which sheet when two hold a table, and imports the one named', async () => {
    const { db, send } = await setup();
    for (const format of ['xlsx', 'xls', 'ods'] as const) {
      const book = await workbookOf(
        [persons('Травень', ['T1', 'T2']), persons('Червень', ['T3'])],
        format,
      );
      const name = `p.${format}`;
      const before = await tableCounts(db);
      const refused = await send('file', book, { name, dryRun: 'true' });
      expect(refused.statusCode).toBe(400);
      const problem = refused.json<{
        error: { details: { problems: { message: string; fix: string }[] } };
      }>().error.details.problems[0];
      expect(problem?.message).toMatch(
        /2 sheets with a table: "Травень" \(1, 2 rows\), "Червень" \(2, 1 rows\)/,
      );
      expect(problem?.fix).toMatch(/"sheet" parameter/);
      const headers = await send('headers', book, { name, sheet: 'Червень' });
      expect(ImportHeaders.parse(headers.json()).detected).toEqual({
        format,
        sheet: 'Червень',
        headerRow: 2,
      });
      const res = await send('file', book, { name, sheet: '2', dryRun: 'true' });
      expect(res.statusCode).toBe(200);
      const body = ImportResult.parse(res.json());
      expect(body).toMatchObject({ rows: 1, detected: { format, sheet: 'Червень', headerRow: 2 } });
      expect(body.skippedRows.map((s) => s.row)).toEqual([1, 4]);
      expect(await tableCounts(db)).toEqual(before);
    }
  });

  it('refuses an encoding or a delimiter it does not know before reading the file', async () => {
    const { send } = await setup();
    const queries: Record<string, string>[] = [
      { encoding: 'latin-9' },
      { delimiter: ':' },
      { sheet: '' },
    ];
    for (const query of queries) {
      const res = await send('file', Buffer.from('a,b\n1,2\n'), { name: 'p.csv', ...query });
      expect(res.statusCode).toBe(400);
    }
  });
});
