import { describe, expect, it } from 'vitest';
import { personsImport } from '../persons/index.js';
import { isNote, isTotal, MAX_TRAILING_NOTES } from './locate-table.js';
import { readTable } from './read-table.js';
import { validateTable } from './validate-table.js';

const HEADER = "Джерело;№;Прізвище;Ім'я;Дата народження";
const person = (n: number): string => `reg;${n};Тестенко${n};Іван;19${60 + n}`;
const read = (lines: string[]) =>
  readTable('p.csv', Buffer.from(lines.join('\r\n')), { headerScore: personsImport.headerScore });

describe('locating the table among the rows of a file', () => {
  it('leaves out the title, totals anywhere in the body and notes under it, listing each', async () => {
    const t = await read([
      'Список осіб (синтетичний)',
      'станом на 01.11.2025;;;;',
      '',
      HEADER,
      person(1),
      person(2),
      'Всього по Донецькій області:;2;;;',
      ';;;;',
      person(3),
      'Разом;3',
      'ИТОГО: 3',
      '',
      'Примітка: дані уточнюються',
      '* за даними родин',
      'Складено:;01.11.2025',
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([5, 6, 9]);
    expect(t.detected).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerRow: 4 });
    expect(t.skipped).toEqual([
      { row: 1, reason: 'above the header (title or note)' },
      { row: 2, reason: 'above the header (title or note)' },
      { row: 7, reason: 'total row ("Всього по Донецькій області: 2")' },
      { row: 10, reason: 'total row ("Разом 3")' },
      { row: 11, reason: 'total row ("ИТОГО: 3")' },
      { row: 13, reason: 'note below the table ("Примітка: дані уточнюються")' },
      { row: 14, reason: 'note below the table ("* за даними родин")' },
      { row: 15, reason: 'note below the table ("Складено: 01.11.2025")' },
    ]);
    expect(t.notices.map((n) => [n.code, n.params])).toEqual([
      ['delimiter', { delimiter: ';' }],
      ['table_starts', { row: 4 }],
      ['total_skipped', { count: 3, rows: '7, 10, 11' }],
      ['note_skipped', { count: 3, rows: '13, 14, 15' }],
    ]);
    expect(t.notices.map((n) => n.message)).toEqual([
      'p.csv: cells are separated by ";" (semicolon)',
      'p.csv: the table starts on row 4; rows above it (a title?) were skipped',
      'p.csv: rows 7, 10 and 11 look like totals and were skipped',
      'p.csv: rows 13, 14 and 15 below the table look like notes and were skipped',
    ]);
    expect(validateTable(t, personsImport).problems).toEqual([]);
  });

  it('keeps a last row that could be a person, and a note-like row with data after it', async () => {
    const t = await read([
      HEADER,
      person(1),
      'Примітка: уточнити',
      person(2),
      ';;Тестенко Іван Петрович;;',
      'reg;5',
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(t.skipped).toEqual([]);
  });

  it('takes a long run of note-like rows under the table for rows, not notes', async () => {
    const many = Array.from({ length: MAX_TRAILING_NOTES + 1 }, (_, i) => `* ${i}`);
    const t = await read([HEADER, person(1), ...many]);
    expect(t.skipped).toEqual([]);
    expect(t.rows).toHaveLength(MAX_TRAILING_NOTES + 2);
    const few = await read([HEADER, person(1), ...many.slice(0, MAX_TRAILING_NOTES)]);
    expect(few.skipped).toHaveLength(MAX_TRAILING_NOTES);
  });

  it('tells totals and notes by their words, not by a person’s', () => {
    for (const cells of [
      ['Всього:', '12'],
      ['', 'Усього по списку', '', '40'],
      ['Разом по Херсонській області'],
      ['Итого'],
      ['всего=5'],
      ['TOTAL'],
    ])
      expect(isTotal(cells), cells.join('|')).toBe(true);
    for (const cells of [['Всеволод', 'Іван'], ['Разомов'], ['total-2024', 'a'], ['sum-1']])
      expect(isTotal(cells), cells.join('|')).toBe(false);
    for (const cells of [
      ['Примітки: немає'],
      ['Примечание'],
      ['Note: synthetic'],
      ['Джерело: реєстр'],
      ['Источник:', 'реестр'],
      ['Дата складання: 01.11.2025'],
      ['Складено:', '01.11.2025'],
      ['Складено Петренко О.'],
      ['* уточнюється', ''],
      ['Дані зібрано зі звернень родин і звірено з відкритими джерелами'],
    ])
      expect(isNote(cells), cells.join('|')).toBe(true);
    for (const cells of [
      ['Тестенко Іван Петрович'],
      ['reg', '1', 'Тестенко'],
      ['Джерельний', 'Іван'],
      ['Notebook'],
      ['source-1', 'A source'],
      ['notes', 'A title'],
      ['Складено', '01.11.2025'],
      ['*', 'Тестенко', 'Іван'],
      [''],
    ])
      expect(isNote(cells), cells.join('|')).toBe(false);
  });
});
