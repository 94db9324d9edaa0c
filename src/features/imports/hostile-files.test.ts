import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { expectClearRejection } from '../../../test/fuzz.js';
import { toXlsx, zip } from '../../../test/hostile-bytes.js';
import { tableCounts } from '../../../test/table-counts.js';
import type { InputError } from '../../core/app-error.js';
import { personsImport } from '../persons/index.js';
import { sourcesImport } from '../sources/index.js';
import { readTable } from './read-table.js';
import { importBytes, importFile } from './run-import.js';
import { validateTable } from './validate-table.js';

const rejection = async (p: Promise<unknown>, file: string): Promise<InputError> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expectClearRejection(err, file);
  return err as InputError;
};

// Synthetic people only.
const PERSONS_CP1251 =
  "Джерело,№,Прізвище,Ім'я,Дата народження\nreg,1,Тестенко,Іван,1970\nreg,2,Пробна,Олена,1985-03-02\n";

describe('hostile files', () => {
  it('reads a CSV saved by Excel in Windows-1251, with a notice, the letters intact', async () => {
    const t = await readTable('p.csv', iconv.encode(PERSONS_CP1251, 'win1251'), {
      headerScore: personsImport.headerScore,
    });
    expect(t.headers).toEqual(['Джерело', '№', 'Прізвище', "Ім'я", 'Дата народження']);
    expect(t.rows[1]?.cells['Прізвище']).toBe('Пробна');
    expect(t.notices.map((n) => n.message).join(' ')).toMatch(/Windows-1251/);
    const v = validateTable(t, personsImport);
    expect(v.problems).toEqual([]);
    expect(v.rows).toHaveLength(2);
  });

  it('drops a byte-order mark before the first header, in CSV and JSON', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const csv = await readTable('s.csv', Buffer.concat([bom, Buffer.from('id,title\na,A\n')]));
    expect(csv.headers).toEqual(['id', 'title']);
    expect(csv.notices).toEqual([]);
    const json = await readTable(
      's.json',
      Buffer.concat([bom, Buffer.from('[{"id":"a","title":"A"}]')]),
    );
    expect(json.rows[0]?.cells).toEqual({ id: 'a', title: 'A' });
  });

  it('refuses a file that is neither UTF-8 nor Cyrillic Windows-1251', async () => {
    const e = await rejection(
      readTable('x.csv', Buffer.from([0x69, 0x64, 0x0a, 0xa9, 0xae, 0xb0, 0x0a])),
      'x.csv',
    );
    expect(e.problems[0]?.fix).toMatch(/CSV UTF-8/);
  });

  it('refuses a zip bomb posing as a workbook before unpacking it', async () => {
    // 300 parts stating 1 MiB each, all from one tiny deflated run of zeros.
    const deflated = deflateRawSync(Buffer.alloc(2 ** 20));
    const parts = Array.from({ length: 300 }, (_, i) => ({
      name: `xl/media/image${i}.bin`,
      deflated,
      stated: 2 ** 20,
    }));
    const bomb = zip(parts);
    expect(bomb.length).toBeLessThan(2 ** 20);
    const e = await rejection(readTable('bomb.xlsx', bomb), 'bomb.xlsx');
    expect(e.problems[0]?.message).toMatch(/unpacks to more than 256 MiB/);
    expect(e.problems[0]?.fix).toMatch(/CSV/);
  });

  it('refuses a workbook whose parts unpack to more than they state', async () => {
    const liar = zip([
      {
        name: 'xl/worksheets/sheet1.xml',
        deflated: deflateRawSync(Buffer.alloc(32 * 2 ** 20, 0x20)),
        stated: 1000,
      },
    ]);
    const e = await rejection(readTable('liar.xlsx', liar), 'liar.xlsx');
    expect(e.problems[0]?.message).toMatch(/unpacks to more than/);
  });

  it('refuses a workbook of 20,000 parts', async () => {
    const deflated = deflateRawSync(Buffer.alloc(0));
    const parts = Array.from({ length: 20_000 }, (_, i) => ({
      name: `p${i}`,
      deflated,
      stated: 0,
    }));
    const e = await rejection(readTable('many.xlsx', zip(parts)), 'many.xlsx');
    expect(e.problems[0]?.message).toMatch(/too many parts/);
  });

  it('refuses an .ods whose repeated cells would lay out billions, before SheetJS sees it', async () => {
    const ns =
      'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
    const part = (name: string, xml: string) => ({
      name,
      deflated: deflateRawSync(Buffer.from(xml)),
      stated: Buffer.byteLength(xml),
    });
    const mimetype = 'application/vnd.oasis.opendocument.spreadsheet';
    for (const repeat of ['1048576', '1e6', ' 1048576 ']) {
      const content = `<office:document-content ${ns}><office:body><office:spreadsheet><table:table table:name="S"><table:table-row table:number-rows-repeated="${repeat}"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
      const bomb = zip([
        part('mimetype', mimetype),
        part('content.xml', content),
        part('styles.xml', `<office:document-styles ${ns}/>`),
      ]);
      const e = await rejection(readTable('bomb.ods', bomb), 'bomb.ods');
      expect(e.problems[0]?.message).toMatch(/repeats its cells to more than 4,000,000/);
    }
  });

  it('refuses a workbook whose few cells lie so far apart that they would lay out 10 million', async () => {
    const far = new ExcelJS.Workbook();
    const sheet = far.addWorksheet('S');
    sheet.getCell(1, 1).value = 'id';
    sheet.getCell(1, 2).value = 'title';
    for (let r = 2; r <= 640; r++) sheet.getCell(r, 16384).value = 'x';
    const bytes = Buffer.from(await far.xlsx.writeBuffer());
    const e = await rejection(readTable('far.xlsx', bytes), 'far.xlsx');
    expect(e.problems[0]).toMatchObject({ sheet: 'S' });
    expect(e.problems[0]?.message).toMatch(/more than 10,000,000 cells/);
  });

  it('refuses an .xls over 50 MiB, and a web page or text saved as .xls, saying how to convert', async () => {
    const big = Buffer.alloc(51 * 2 ** 20);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(big);
    const e = await rejection(readTable('big.xls', big), 'big.xls');
    expect(e.problems[0]?.message).toMatch(/over the 50 MiB limit for \.xls/);
    for (const text of ['<html><table><tr><td>Тестенко</td></tr></table>', 'id\ttitle\na\tA\n']) {
      const t = await rejection(readTable('page.xls', Buffer.from(text)), 'page.xls');
      expect(t.problems[0]?.fix).toMatch(/soffice --headless --convert-to xlsx/);
    }
  });

  it('reads an .xlsx saved under .xls, and says so', async () => {
    const t = await readTable(
      's.xls',
      await toXlsx([
        ['id', 'title'],
        ['a', 'A'],
      ]),
    );
    expect(t.rows[0]?.cells).toEqual({ id: 'a', title: 'A' });
    expect(t.detected.format).toBe('xlsx');
    expect(t.notices.map((n) => n.message).join(' ')).toMatch(
      /really an \.xlsx workbook \(named \.xls\)/,
    );
  });

  it('still opens an ordinary workbook', async () => {
    const t = await readTable(
      's.xlsx',
      await toXlsx([
        ['id', 'title'],
        ['a', 'A'],
      ]),
    );
    expect(t.rows[0]?.cells).toEqual({ id: 'a', title: 'A' });
  });

  it('refuses a 10 MB cell in XLSX and JSON, naming the row and column', async () => {
    const big = 'x'.repeat(10 * 2 ** 20);
    // Random letters: 10 MiB of one letter packs a thousandfold and is refused as a zip bomb.
    const bigRandom = randomBytes(7.5 * 2 ** 20).toString('base64');
    const x = await rejection(
      readTable(
        'big.xlsx',
        await toXlsx([
          ['id', 'title'],
          ['a', bigRandom],
        ]),
      ),
      'big.xlsx',
    );
    expect(x.problems[0]).toMatchObject({ row: 2, column: 'title' });
    expect(x.problems[0]?.message).toMatch(/longer than 1 MiB/);
    const j = await rejection(
      readTable('big.json', Buffer.from(JSON.stringify([{ id: 'a', title: big }]))),
      'big.json',
    );
    expect(j.problems[0]).toMatchObject({ row: 1, column: 'title' });
  });

  it('reads a header of 100,000 columns with a short notice', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `extra${i}`);
    const text = `id,title,${header.join(',')}\na,A\n`;
    const t = await readTable('wide.csv', Buffer.from(text));
    const v = validateTable(t, sourcesImport);
    expect(v.problems).toEqual([]);
    const notice = v.notices.find((n) => n.code === 'unused_columns');
    expect(notice?.message).toMatch(/and 99980 more$/);
    expect(notice!.message.length).toBeLessThan(1000);
    // The workspace's words for it carry the count and the first columns, never all of them.
    expect(notice?.params.count).toBe(100_000);
    expect(JSON.stringify(notice?.params).length).toBeLessThan(1000);
  });

  it('refuses JSON nested a million levels deep without overflowing the stack', async () => {
    const deep = `[{"id":"a","title":${'['.repeat(10 ** 6)}${']'.repeat(10 ** 6)}}]`;
    const e = await rejection(readTable('deep.json', Buffer.from(deep)), 'deep.json');
    expect(e.problems[0]).toMatchObject({ row: 1, column: 'title' });
    expect(e.problems[0]?.message).toMatch(/nested too deeply/);
  });

  it('keeps a list of plain values in one cell, joined by " ; "', async () => {
    const t = await readTable('l.json', Buffer.from('[{"id":"a","title":["x",1,null]}]'));
    expect(t.rows[0]?.cells.title).toBe('x ; 1 ; ');
  });
});

describeEachDb('hostile files through the database', (get) => {
  it('lists the first 1,000 problems of a file that is wrong on every row, and writes nothing', async () => {
    const { db } = get();
    const before = await tableCounts(db);
    const rows = Array.from({ length: 5001 }, () => 's,Same id').join('\n');
    const e = await rejection(
      importBytes(db, sourcesImport, 'bad.csv', Buffer.from(`id,title\n${rows}\n`)),
      'bad.csv',
    );
    expect(e.problems).toHaveLength(1000);
    expect(e.message).toMatch(/and 4999 more problems; the first 1000 are listed/);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('streams a Windows-1251 CSV as the whole-file import reads it', async () => {
    const { db } = get();
    await importBytes(db, sourcesImport, 's.csv', Buffer.from('id,title\nreg,Synthetic\n'));
    const dir = await mkdtemp(join(tmpdir(), 'polon-cp1251-'));
    const path = join(dir, 'p.csv');
    writeFileSync(path, iconv.encode(PERSONS_CP1251, 'win1251'));
    const r = await importFile(db, personsImport, path, { stream: true });
    expect(r).toMatchObject({ rows: 2, inserted: 2 });
    expect(r.notices.map((n) => n.message).join(' ')).toMatch(/Windows-1251/);
    const names = await db.kysely
      .selectFrom('records')
      .select('family_name')
      .orderBy('family_name')
      .execute();
    expect(names.map((n) => n.family_name)).toEqual(['Пробна', 'Тестенко']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a streamed 50 MB line, and reads a streamed header of 100,000 columns', async () => {
    const { db } = get();
    await importBytes(db, sourcesImport, 's.csv', Buffer.from('id,title\nreg,Register\n'));
    const before = await tableCounts(db);
    const dir = await mkdtemp(join(tmpdir(), 'polon-huge-'));
    const long = join(dir, 'long.csv');
    writeFileSync(long, `id,title\na,${'x'.repeat(50 * 2 ** 20)}\n`);
    const e = await rejection(importFile(db, sourcesImport, long, { stream: true }), 'long.csv');
    expect(e.problems[0]?.message).toMatch(/longer than 1 MiB/);
    expect(JSON.stringify(e.problems).length).toBeLessThan(2000);
    expect(await tableCounts(db)).toEqual(before);

    const wide = join(dir, 'wide.csv');
    const extra = Array.from({ length: 100_000 }, (_, i) => `extra${i}`).join(',');
    writeFileSync(wide, `id,title,${extra}\nb,B\n`);
    const r = await importFile(db, sourcesImport, wide, { stream: true });
    expect(r).toMatchObject({ rows: 1, inserted: 1 });
    expect(r.notices.map((n) => n.message).join(' ').length).toBeLessThan(2000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops a streamed import at a broken UTF-8 byte deep in the file, and writes nothing', async () => {
    const { db } = get();
    const before = await tableCounts(db);
    const dir = await mkdtemp(join(tmpdir(), 'polon-utf8-'));
    const path = join(dir, 's.csv');
    const good = Array.from({ length: 20_000 }, (_, i) => `s${i},Назва ${i}`).join('\n');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(`id,title\n${good}\n`), Buffer.from([0xd0, 0x0a])]),
    );
    const e = await rejection(importFile(db, sourcesImport, path, { stream: true }), 's.csv');
    expect(e.problems[0]?.message).toMatch(/not UTF-8 text \(from about byte/);
    expect(await tableCounts(db)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });
});
