import { describe, expect, it } from 'vitest';
import { delimiterName, formatScore, isWorkbook, reportView, skipKind } from './import-view.js';
import type { ImportResult } from './workspace-api.js';

const base: ImportResult = {
  kind: 'persons',
  file: 'list.xlsx',
  rows: 3,
  dryRun: true,
  inserted: 3,
  updated: 0,
  unchanged: 0,
  notices: [],
};

describe('the import report as the page shows it', () => {
  it('reads an old server answer with none of the report fields', () => {
    expect(reportView(base)).toEqual({
      // The server reads a file by its ending.
      detected: [{ key: 'format', value: 'XLSX' }],
      tables: [],
      skippedRows: [],
      unresolvedPlaces: [],
      notices: [],
    });
  });

  it('lists what was detected in a fixed order, leaving out what is empty or malformed', () => {
    const view = reportView({
      ...base,
      detected: {
        delimiter: ';',
        encoding: 'windows-1251',
        format: 'csv',
        headerRow: 3,
        sheet: '',
        extra: 'ignored',
      },
    });
    expect(view.detected).toEqual([
      { key: 'format', value: 'CSV' },
      { key: 'headerRow', value: '3' },
      { key: 'encoding', value: 'windows-1251' },
      { key: 'delimiter', value: ';' },
    ]);
    expect(
      reportView({ ...base, detected: { headerRow: '3', format: 7, delimiter: '\t' } }).detected,
    ).toEqual([{ key: 'delimiter', value: '\t' }]);
  });

  it('gives the counts of each table written, removed only when something was', () => {
    const view = reportView({
      ...base,
      records: { inserted: 3, updated: 0, unchanged: 1 },
      events: { inserted: 2, updated: 1, unchanged: 0, removed: 0 },
      episodes: { inserted: 1, updated: 0, unchanged: 0, removed: 2 },
    });
    expect(view.tables).toEqual([
      { table: 'records', counts: { inserted: 3, updated: 0, unchanged: 1 } },
      { table: 'events', counts: { inserted: 2, updated: 1, unchanged: 0 } },
      { table: 'episodes', counts: { inserted: 1, updated: 0, unchanged: 0, removed: 2 } },
    ]);
  });

  it('sorts skipped rows and keeps unresolved places with their well-formed guesses', () => {
    const view = reportView({
      ...base,
      skippedRows: [
        { row: 9, reason: 'a total' },
        { row: 2, reason: 'blank' },
      ],
      unresolvedPlaces: [
        {
          row: 5,
          text: 'Виправна колонія на Місяці',
          candidates: [
            { id: 'kursk-sizo-1', nameEn: 'Kursk SIZO-1', score: 0.41 },
            { id: 'bad', nameEn: 'Bad', score: Number.NaN },
          ],
        },
      ],
      recordIds: { from: 'content', fromFile: 0, fromContent: 3 },
    });
    expect(view.skippedRows.map((s) => s.row)).toEqual([2, 9]);
    expect(view.unresolvedPlaces).toEqual([
      {
        row: 5,
        text: 'Виправна колонія на Місяці',
        candidates: [{ id: 'kursk-sizo-1', nameEn: 'Kursk SIZO-1', score: 0.41 }],
      },
    ]);
    expect(view.recordIds).toEqual({ from: 'content', fromFile: 0, fromContent: 3 });
    expect(
      reportView({ ...base, recordIds: { from: 'x' as 'file', fromFile: 0, fromContent: 0 } })
        .recordIds,
    ).toBeUndefined();
  });

  it('reads the header row and a total row from the notices of readers that say them only there', () => {
    const view = reportView({
      ...base,
      notices: [
        'list.xlsx: the table starts on row 3; rows above it (a title?) were skipped',
        'list.xlsx: row 7 looks like a total and was skipped',
        'list.xlsx is not UTF-8; it was read as Windows-1251 (Cyrillic).',
      ],
    });
    expect(view.detected).toEqual([
      { key: 'format', value: 'XLSX' },
      { key: 'headerRow', value: '3' },
    ]);
    expect(view.skippedRows).toEqual([{ row: 7, reason: 'looks like a total', kind: 'total' }]);
    expect(view.notices).toEqual([
      { message: 'list.xlsx is not UTF-8; it was read as Windows-1251 (Cyrillic).' },
    ]);
  });

  it('leaves out notices that say again what the report says, and keeps the rest', () => {
    const notices = [
      'list.xlsx: the table starts on row 4; rows above it (a title?) were skipped',
      'list.xlsx: row 2 is blank and was skipped',
      'list.xlsx: row 5: "Виправна колонія на Місяці" matches no known place; kept as written',
      'list.xlsx: row 9 was skipped',
    ];
    const view = reportView({
      ...base,
      notices,
      detected: { headerRow: 4 },
      skippedRows: [
        { row: 2, reason: 'blank row' },
        { row: 8, reason: 'Всього' },
      ],
      unresolvedPlaces: [{ row: 5, text: 'Виправна колонія на Місяці', candidates: [] }],
    });
    expect(view.notices).toEqual([{ message: 'list.xlsx: row 9 was skipped' }]);
    expect(view.skippedRows).toEqual([
      { row: 2, reason: 'blank row', kind: 'blank' },
      { row: 8, reason: 'Всього' },
    ]);
    // Without the lists, the same notices are all there is: all are shown.
    expect(reportView({ ...base, notices: notices.slice(1) }).notices).toEqual(
      notices.slice(1).map((message) => ({ message })),
    );
  });
});

describe('small helpers of the import page', () => {
  it('knows workbooks by their ending', () => {
    expect(['a.xlsx', 'B.XLS', 'c.ods'].map(isWorkbook)).toEqual([true, true, true]);
    expect(['a.csv', 'b.txt', 'c.json', 'xlsx'].map(isWorkbook)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('knows a few reasons for skipping a row, whatever words the server uses', () => {
    expect(
      ['a total row', 'looks like a Total', 'blank', 'empty row', 'a title', 'duplicate'].map(
        skipKind,
      ),
    ).toEqual(['total', 'total', 'blank', 'blank', 'title', undefined]);
  });

  it('names the delimiters that cannot be seen', () => {
    expect([delimiterName('\t'), delimiterName(' '), delimiterName(';')]).toEqual([
      'tab',
      'space',
      undefined,
    ]);
  });

  it('writes a score with two decimals in the reader’s language', () => {
    expect(formatScore(0.5, 'en')).toBe('0.50');
    expect(formatScore(0.873, 'uk')).toBe('0,87');
  });

  it('keeps the code of each notice the server sent one for, so the page can word it', () => {
    const view = reportView({
      ...base,
      notices: ['list.csv: cells are separated by ";" (semicolon)', 'list.csv: something new'],
      noticeCodes: [
        { code: 'delimiter', params: { delimiter: ';' } },
        { code: 'future_code', params: {} },
      ],
    });
    expect(view.notices).toEqual([
      {
        message: 'list.csv: cells are separated by ";" (semicolon)',
        code: 'delimiter',
        params: { delimiter: ';' },
      },
      { message: 'list.csv: something new', code: 'future_code', params: {} },
    ]);
  });
});
