import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { sourcesImport } from '../sources/index.js';
import { importBytes } from './run-import.js';
import { FILE_LIMIT_BYTES } from './imports.routes.js';

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Records');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDb('imports of whole files through the API', (get) => {
  async function setup() {
    const { db } = get();
    await importBytes(
      db,
      sourcesImport,
      's.csv',
      Buffer.from('id,title\ntestimonies,Synthetic testimonies\n'),
    );
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'documenter');
    const send = (body: Buffer, query: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: `/api/imports/persons/file?${query}`,
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'content-type': 'application/octet-stream',
          ...headers,
        },
        payload: body,
      });
    return { db, app, send, s };
  }

  it('previews a spreadsheet, writes nothing until confirmed, then imports it', async () => {
    const { db, send } = await setup();
    const file = await xlsx([
      ['Джерело', 'Номер', 'Прізвище', "Ім'я", 'Дата народження'],
      ['testimonies', 'T1', 'Тестенко', 'Іван', '05.03.1990'],
      ['testimonies', 'T2', 'Testenko', 'Petro', '1985'],
    ]);
    const before = await tableCounts(db);
    const dry = await send(file, 'name=people.xlsx&dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 2, inserted: 2, file: 'people.xlsx' });
    expect(await tableCounts(db)).toEqual(before);
    const done = await send(file, 'name=people.xlsx&dryRun=false');
    expect(done.json()).toMatchObject({ dryRun: false, inserted: 2 });
    expect((await tableCounts(db)).records).toBe(2);
  });

  it('answers a bad CSV with every bad row (file, row, column, fix) and writes nothing', async () => {
    const { db, send } = await setup();
    const before = await tableCounts(db);
    const res = await send(
      Buffer.from(
        'source,record_id,family_name,birth_date,sex\n' +
          'testimonies,T1,Тестенко,31.02.1990,male\n' +
          'testimonies,T2,,,male\n' +
          'testimonies,T3,Тестенко,,robot\n' +
          'nowhere,T4,Тестенко,,male\n',
      ),
      'name=bad.csv',
    );
    expect(res.statusCode).toBe(400);
    const problems = res.json<{
      error: {
        details: { problems: { file: string; row: number; column: string; fix: string }[] };
      };
    }>().error.details.problems;
    expect(problems.map((p) => [p.file, p.row, p.column])).toEqual([
      ['bad.csv', 2, 'birth_date'],
      ['bad.csv', 3, 'family_name'],
      ['bad.csv', 4, 'sex'],
      ['bad.csv', 5, 'source'],
    ]);
    expect(problems.every((p) => p.fix.length > 0)).toBe(true);
    // A birth date is personal: the answer names the cell, never repeats it.
    expect(res.body).not.toContain('31.02.1990');
    expect(await tableCounts(db)).toEqual(before);
  });

  it('gives notices and whole-file problems their codes, for the workspace to word them', async () => {
    const { send } = await setup();
    const ok = await send(
      Buffer.from(
        'Список полонених\n' +
          'source,record_id,family_name,Розмір взуття\n' +
          'testimonies,T1,Тестенко,42\n',
      ),
      'name=list.csv&dryRun=true',
    );
    expect(ok.statusCode).toBe(200);
    const report = ok.json<{ notices: string[]; noticeCodes: { code: string }[] }>();
    expect(report.noticeCodes.map((n) => n.code)).toEqual(['table_starts', 'unused_columns']);
    expect(report.noticeCodes).toHaveLength(report.notices.length);
    expect(report.noticeCodes[1]).toEqual({
      code: 'unused_columns',
      params: { count: 1, columns: 'Розмір взуття' },
    });

    const refused = await send(
      Buffer.from('source,family_name,Прізвище\ntestimonies,Тестенко,Тестенко\n'),
      'name=twice.csv',
    );
    expect(refused.statusCode).toBe(400);
    const [problem] = refused.json<{
      error: { details: { problems: { code: string; params: object; message: string }[] } };
    }>().error.details.problems;
    expect(problem).toMatchObject({
      code: 'column_twice',
      params: { column: 'family_name' },
      message: expect.stringMatching(/stand for family_name$/) as string,
    });
    // Column names only: never a cell of the file.
    expect(JSON.stringify(problem?.params)).not.toContain('Тестенко');
  });

  it("says how a file's headers are read, and imports with the headers matched by hand", async () => {
    const { db, app, s } = await setup();
    const post = (path: string, body: Buffer, query: Record<string, string>) =>
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
    // "Фамилия бойца" is nobody's alias; "Примечание" is, but holds nothing to keep.
    const file = Buffer.from(
      'Джерело,Номер,Фамилия бойца,Примечание\ntestimonies,T1,Тестенко,з відео\ntestimonies,T2,Петренко,\n',
    );
    const headers = await post('headers', file, { name: 'list.csv' });
    expect(headers.statusCode).toBe(200);
    const read = headers.json<{
      headers: { header: string; column: string | null }[];
      columns: { name: string; required: boolean }[];
    }>();
    expect(read.headers).toEqual([
      { header: 'Джерело', column: 'source' },
      { header: 'Номер', column: 'record_id' },
      { header: 'Фамилия бойца', column: null },
      { header: 'Примечание', column: 'notes' },
    ]);
    // Real files seldom carry ids; the source may be named for the whole file instead.
    expect(read.columns.find((c) => c.name === 'record_id')).toMatchObject({ required: false });
    expect(read.columns.find((c) => c.name === 'source')).toMatchObject({ required: true });

    const before = await tableCounts(db);
    const unmatched = await post('file', file, { name: 'list.csv', dryRun: 'true' });
    expect(unmatched.statusCode).toBe(400);
    expect(unmatched.body).toContain('the row has no name');
    const mapping = JSON.stringify({ 'Фамилия бойца': 'family_name', Примечание: '' });
    const again = await post('headers', file, { name: 'list.csv', mapping });
    expect(again.json<typeof read>().headers.map((h) => h.column)).toEqual([
      'source',
      'record_id',
      'family_name',
      null,
    ]);
    const done = await post('file', file, { name: 'list.csv', dryRun: 'false', mapping });
    expect(done.json()).toMatchObject({ rows: 2, inserted: 2 });
    const notes = await db.kysely.selectFrom('records').select(['family_name', 'notes']).execute();
    expect(notes.map((r) => [r.family_name, r.notes]).sort()).toEqual([
      ['Петренко', null],
      ['Тестенко', null],
    ]);
    expect((await tableCounts(db)).records).toBe((before.records ?? 0) + 2);

    const bad = await post('file', file, { name: 'list.csv', mapping: '{"a":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('the mapping is not a JSON object');
  });

  it('refuses a file over the limit with 413 and what to do, and a name it cannot read', async () => {
    const { send } = await setup();
    const big = await send(Buffer.alloc(FILE_LIMIT_BYTES + 1, 0x61), 'name=big.csv');
    expect(big.statusCode).toBe(413);
    expect(big.json<{ error: { message: string } }>().error.message).toContain('polon import');
    const odd = await send(Buffer.from('a,b\n'), 'name=people.pdf');
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain('.xlsx, .xls, .ods or .json');
    // A name the route lets through reaches the readers, which say what they make of it.
    const txt = await send(
      Buffer.from('source,record_id,family_name\ntestimonies,X1,Тестенко\n'),
      'name=people.txt&dryRun=true',
    );
    expect(txt.statusCode).toBe(200);
    expect(txt.json()).toMatchObject({ file: 'people.txt', rows: 1, dryRun: true });
    const ods = await send(Buffer.from('PK\u0003\u0004'), 'name=people.ods&dryRun=true');
    expect(ods.statusCode).toBe(400);
    expect(
      ods.json<{ error: { details: { problems: { file: string }[] } } }>().error.details.problems,
    ).toEqual([expect.objectContaining({ file: 'people.ods' })]);
    const empty = await send(Buffer.alloc(0), 'name=people.csv');
    expect(empty.statusCode).toBe(400);
  });

  it('checks the session and the CSRF token before reading a byte', async () => {
    const { app, send } = await setup();
    const anon = await app.inject({
      method: 'POST',
      url: '/api/imports/persons/file?name=p.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(FILE_LIMIT_BYTES + 1),
    });
    expect(anon.statusCode).toBe(401);
    const noCsrf = await send(Buffer.from('x'), 'name=p.csv', { 'x-csrf-token': 'wrong' });
    expect(noCsrf.statusCode).toBe(403);
  });
});
