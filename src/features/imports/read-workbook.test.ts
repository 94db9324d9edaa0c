import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClearRejection, fuzz } from '../../../test/fuzz.js';
import {
  cellText,
  workbookOf,
  xlsxOf,
  type ModelCell,
  type SheetModel,
} from '../../../test/workbooks.js';
import type { InputError } from '../../core/app-error.js';
import { personsImport } from '../persons/index.js';
import { readTable } from './read-table.js';
import type { RawRow, SkippedRow } from './raw-table.js';

/*
 * Workbooks as documenters keep them — a title merged across the top, a note under it, a
 * region merged down over its persons, totals after each region and at the end, notes
 * under the table, cells left empty, numbers as formulas, names as links — generated, and
 * written as .xlsx (ExcelJS), .xls and .ods (SheetJS): each must read back to exactly its
 * persons, with every other row listed as skipped.
 */

const HEADER = ['Джерело', '№', 'Прізвище', "Ім'я", 'Дата народження', 'Регіон'];
const FAMILY = ['Тестенко', 'Пробна', 'Зразков', 'Прикладенко', 'Testenko', 'Вигаданий-Тестов'];
const GIVEN = ['Іван', 'Олена', 'Ігор', 'Євгенія', 'Ivan', 'Юрій'];
const REGIONS = ['Донецька', 'Херсонська', 'Запорізька', 'Луганська'];
const TOTALS = ['Всього:', 'Разом по області', 'Итого', 'Total', 'Усього', 'ВСЬОГО'];
const NOTES = [
  'Примітка: дані уточнюються',
  '* за даними родин',
  'Джерело: синтетичний реєстр',
  'Складено 01.11.2025',
  'Дані зібрано зі звернень родин і звірено з відкритими джерелами станом на листопад',
];

const personArb = fc.record({
  family: fc.constantFrom(...FAMILY),
  familyAs: fc.constantFrom('text', 'link', 'rich'),
  given: fc.option(fc.constantFrom(...GIVEN), { nil: null }),
  birth: fc.oneof(
    fc.constant(null),
    fc
      .date({
        min: new Date('1940-01-01T00:00:00Z'),
        max: new Date('2005-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
    fc.constantFrom('03.01.1970', '1985', '1962-07'),
  ),
  numberAs: fc.constantFrom('number', 'formula'),
});

const groupArb = fc.record({
  region: fc.constantFrom(...REGIONS),
  persons: fc.array(personArb, { minLength: 1, maxLength: 4 }),
  mergedDown: fc.boolean(),
  total: fc.option(fc.constantFrom(...TOTALS), { nil: undefined }),
  blankAfter: fc.boolean(),
});

const docArb = fc.record({
  title: fc.boolean(),
  subtitle: fc.boolean(),
  blanksAbove: fc.nat({ max: 2 }),
  groups: fc.array(groupArb, { minLength: 1, maxLength: 4 }),
  finalTotal: fc.option(fc.constantFrom(...TOTALS), { nil: undefined }),
  notes: fc.uniqueArray(fc.constantFrom(...NOTES), { maxLength: 3 }),
  notesSheet: fc.constantFrom('none', 'before', 'after'),
  hiddenTable: fc.boolean(),
});

type Doc = typeof docArb extends fc.Arbitrary<infer D> ? D : never;

interface Expected {
  sheet: SheetModel;
  headerRow: number;
  rows: RawRow[];
  skipped: SkippedRow[];
}

/** The sheet of a document, and what reading it must give. */
function build(doc: Doc): Expected {
  const rows: (ModelCell[] | undefined)[] = [];
  const merges: NonNullable<SheetModel['merges']> = [];
  const skipped: { row: number; kind: string }[] = [];
  const expected: RawRow[] = [];
  const add = (cells: ModelCell[] | undefined): number => rows.push(cells);
  if (doc.title) {
    const r = add(['Список осіб, утримуваних у полоні (синтетичний)']);
    merges.push({ top: r, bottom: r, left: 0, right: HEADER.length - 1 });
    skipped.push({ row: r, kind: 'above' });
  }
  if (doc.subtitle) skipped.push({ row: add([null, 'станом на 01.11.2025']), kind: 'above' });
  for (let i = 0; i < doc.blanksAbove; i++) add(undefined);
  const headerRow = add(HEADER);
  let n = 0;
  for (const g of doc.groups) {
    const first = rows.length + 1;
    g.persons.forEach((p, i) => {
      n++;
      const family: ModelCell =
        p.familyAs === 'link'
          ? { text: p.family, hyperlink: 'https://example.org/p' }
          : p.familyAs === 'rich'
            ? { richText: [p.family.slice(0, 3), p.family.slice(3)] }
            : p.family;
      const number: ModelCell =
        p.numberAs === 'formula' ? { formula: `ROW()-${headerRow}`, result: n } : n;
      const region = g.mergedDown && i > 0 ? null : g.region;
      const cells: ModelCell[] = ['reg', number, family, p.given, p.birth, region];
      const r = add(cells);
      expected.push({
        row: r,
        cells: Object.fromEntries(
          HEADER.map((h, k) => [h, k === 5 ? g.region : cellText(cells[k] ?? null)]),
        ),
      });
    });
    if (g.mergedDown && g.persons.length > 1)
      merges.push({ top: first, bottom: rows.length, left: 5, right: 5 });
    if (g.total)
      skipped.push({
        row: add([g.total, null, null, null, null, g.persons.length]),
        kind: 'total',
      });
    if (g.blankAfter) add(undefined);
  }
  if (doc.finalTotal) skipped.push({ row: add([doc.finalTotal, n]), kind: 'total' });
  for (const note of doc.notes) skipped.push({ row: add([note]), kind: 'note' });
  return {
    sheet: { name: 'Список', rows, merges },
    headerRow,
    rows: expected,
    skipped: skipped.map((s) => ({ row: s.row, reason: s.kind })),
  };
}

const kindOf = (reason: string): string =>
  reason.startsWith('above') ? 'above' : reason.startsWith('total') ? 'total' : 'note';

const notesSheet: SheetModel = {
  name: 'Примітки',
  rows: [['Складено за зверненнями родин'], undefined, ['Контакт: координатор']],
};

async function readDoc(doc: Doc, format: 'xlsx' | 'xls' | 'ods') {
  const e = build(doc);
  const sheets: SheetModel[] = [e.sheet];
  if (doc.notesSheet === 'before') sheets.unshift(notesSheet);
  if (doc.notesSheet === 'after') sheets.push(notesSheet);
  // SheetJS keeps no hidden flag for .ods: a hidden table is a test for the others.
  if (doc.hiddenTable && format !== 'ods')
    sheets.push({ name: 'Старе', hidden: true, rows: [HEADER, ['reg', 1, 'Старий', 'Запис']] });
  const bytes = await workbookOf(sheets, format);
  const t = await readTable(`doc.${format}`, bytes, { headerScore: personsImport.headerScore });
  return { e, t };
}

describe('reading a documenter’s workbook', { timeout: 120_000 }, () => {
  for (const format of ['xlsx', 'xls', 'ods'] as const) {
    it(`gives back exactly the persons of generated .${format} workbooks, and lists every other row`, async () => {
      await fc.assert(
        fc.asyncProperty(docArb, async (doc) => {
          const { e, t } = await readDoc(doc, format);
          expect(t.headers).toEqual(HEADER);
          expect(t.rows).toEqual(e.rows);
          expect(t.skipped.map((s) => ({ row: s.row, reason: kindOf(s.reason) }))).toEqual(
            e.skipped,
          );
          expect(t.detected).toEqual({ format, sheet: 'Список', headerRow: e.headerRow });
          // A total's or a note's words may be shown; never a person's.
          for (const s of t.skipped) {
            expect(s.reason.length).toBeLessThanOrEqual(80);
            for (const f of FAMILY) expect(s.reason).not.toContain(f);
          }
        }),
        fuzz(format === 'xlsx' ? 60 : 40),
      );
    });
  }

  it('reads the workbook that stopped the import: a merged title, an empty row, holes in rows', async () => {
    const bytes = await xlsxOf([
      {
        name: 'Аркуш1',
        rows: [
          ['Список'],
          undefined,
          ['id', 'title', 'url'],
          ['a', null, 'https://example.org'],
          [null, 'B'],
        ],
        merges: [{ top: 1, bottom: 1, left: 0, right: 2 }],
      },
    ]);
    const t = await readTable('s.xlsx', bytes);
    expect(t.headers).toEqual(['id', 'title', 'url']);
    expect(t.rows).toEqual([
      { row: 4, cells: { id: 'a', title: '', url: 'https://example.org' } },
      { row: 5, cells: { id: '', title: 'B', url: '' } },
    ]);
    expect(t.skipped).toEqual([{ row: 1, reason: 'above the header (title or note)' }]);
    expect(t.detected).toEqual({ format: 'xlsx', sheet: 'Аркуш1', headerRow: 3 });
  });

  it('keeps a formula’s cached result, and an error result as an empty cell', async () => {
    for (const format of ['xlsx', 'xls', 'ods'] as const) {
      const t = await readTable(
        `f.${format}`,
        await workbookOf(
          [
            {
              name: 'S',
              rows: [
                ['id', 'n', 'e'],
                [
                  'a',
                  { formula: '1+1', result: 2 },
                  { formula: '1/0', result: { error: '#DIV/0!' } },
                ],
              ],
            },
          ],
          format,
        ),
      );
      expect(t.rows[0]?.cells, format).toEqual({ id: 'a', n: '2', e: '' });
    }
  });
});

describe('choosing the sheet', () => {
  const table = (name: string, rows = 2, hidden = false): SheetModel => ({
    name,
    hidden,
    rows: [['id', 'title'], ...Array.from({ length: rows }, (_, i) => [`${name}${i}`, 'T'])],
  });
  const rejection = async (p: Promise<unknown>, file: string): Promise<InputError> => {
    const err = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    expectClearRejection(err, file);
    return err as InputError;
  };

  for (const format of ['xlsx', 'xls', 'ods'] as const) {
    const file = `w.${format}`;

    it(`refuses to guess between two sheets with tables (.${format}), naming them and --sheet`, async () => {
      const bytes = await workbookOf([table('Перший', 3), table('Другий', 2)], format);
      const e = await rejection(readTable(file, bytes), file);
      expect(e.problems[0]?.message).toMatch(
        /2 sheets with a table: "Перший" \(1, 3 rows\), "Другий" \(2, 2 rows\)/,
      );
      expect(e.problems[0]?.fix).toMatch(/--sheet NAME\|N/);
    });

    it(`reads the sheet named, by name or by number (.${format})`, async () => {
      const bytes = await workbookOf([table('Перший', 3), table('Другий', 2)], format);
      for (const sheet of ['Другий', '2', ' другий ']) {
        const t = await readTable(file, bytes, { sheet });
        expect(t.detected.sheet).toBe('Другий');
        expect(t.rows.map((r) => r.cells.id)).toEqual(['Другий0', 'Другий1']);
      }
      const e = await rejection(readTable(file, bytes, { sheet: 'Третій' }), file);
      expect(e.problems[0]?.message).toMatch(
        /no sheet "Третій"; its sheets: "Перший" \(1, 3 rows\)/,
      );
    });

    it(`chooses the one sheet with a table among empty and note sheets, and says so (.${format})`, async () => {
      const bytes = await workbookOf(
        [{ name: 'Порожній', rows: [] }, notesSheet, table('Дані', 2)],
        format,
      );
      const t = await readTable(file, bytes);
      expect(t.detected.sheet).toBe('Дані');
      expect(t.notices.map((n) => n.message).join(' ')).toMatch(
        /read the sheet "Дані", the only one with a table/,
      );
    });
  }

  for (const format of ['xlsx', 'xls'] as const) {
    it(`passes over a hidden sheet unless it is named (.${format})`, async () => {
      const file = `h.${format}`;
      const bytes = await workbookOf([table('Старий', 2, true), table('Новий', 1)], format);
      expect((await readTable(file, bytes)).detected.sheet).toBe('Новий');
      expect((await readTable(file, bytes, { sheet: 'Старий' })).rows).toHaveLength(2);
      const only = await workbookOf(
        [table('Старий', 2, true), { name: 'Порожній', rows: [] }],
        format,
      );
      const e = await rejection(readTable(file, only), file);
      expect(e.problems[0]?.message).toMatch(/visible sheets are empty; hidden sheets: "Старий"/);
    });
  }

  it('prefers the one sheet whose header names the kind’s columns', async () => {
    const bytes = await xlsxOf([
      {
        name: 'Зведення',
        rows: [
          ['Область', 'Кількість'],
          ['Донецька', 2],
        ],
      },
      { name: 'Список', rows: [HEADER, ['reg', 1, 'Тестенко', 'Іван', '1970', 'Донецька']] },
    ]);
    const t = await readTable('p.xlsx', bytes, { headerScore: personsImport.headerScore });
    expect(t.detected.sheet).toBe('Список');
  });

  it('names the sheet in a problem found in it', async () => {
    const bytes = await xlsxOf([
      {
        name: 'Список',
        rows: [
          ['id', 'title'],
          ['a', 'A', 'extra'],
        ],
      },
    ]);
    const e = await rejection(readTable('x.xlsx', bytes), 'x.xlsx');
    expect(e.problems[0]).toMatchObject({ sheet: 'Список', row: 2 });
    expect(e.message).toMatch(/x\.xlsx, sheet "Список", row 2/);
  });
});
