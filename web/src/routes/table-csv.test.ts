import { describe, expect, it } from 'vitest';
import { tableCsv } from './table-csv.js';

describe('tableCsv', () => {
  it('quotes every cell and keeps Cyrillic, commas and quotes intact', () => {
    expect(
      tableCsv([
        ['Назва', 'n'],
        ['СІЗО-2 "Таганріг", Ростов', 3],
      ]),
    ).toBe('\uFEFF"Назва","n"\r\n"СІЗО-2 ""Таганріг"", Ростов","3"\r\n');
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    expect(tableCsv([['=HYPERLINK("http://x")', '-1+1', '@SUM(A1)']])).toBe(
      '\uFEFF"\'=HYPERLINK(""http://x"")","\'-1+1","\'@SUM(A1)"\r\n',
    );
    // A number is data, not a formula.
    expect(tableCsv([[-3]])).toBe('\uFEFF"-3"\r\n');
  });
});
