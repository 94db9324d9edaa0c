import { describe, expect, it } from 'vitest';
import { parsePartialDate, parseRecordDate } from './partial-date.js';

describe('parsePartialDate', () => {
  it('reads ISO days, months and years with their precision', () => {
    expect(parsePartialDate('2024-02-29')).toMatchObject({
      precision: 'day',
      latest: '2024-02-29',
    });
    expect(parsePartialDate('2022-06')).toEqual({
      text: '2022-06',
      precision: 'month',
      earliest: '2022-06-01',
      latest: '2022-06-30',
    });
    expect(parsePartialDate('2025')).toMatchObject({
      earliest: '2025-01-01',
      latest: '2025-12-31',
    });
  });

  it('reads dotted European dates as day.month.year', () => {
    expect(parsePartialDate('05.03.2024')).toMatchObject({ text: '2024-03-05', precision: 'day' });
    expect(parsePartialDate('03.2024')).toMatchObject({ text: '2024-03', precision: 'month' });
  });

  it('rejects a date that does not exist', () => {
    expect(parsePartialDate('31.02.2024')).toBe(
      'day 31 does not exist in 2024-02 (it has 29 days)',
    );
    expect(parsePartialDate('2023-02-29')).toMatch(/does not exist/);
    expect(parsePartialDate('2024-13')).toBe('month 13 does not exist');
  });

  it('rejects text that is not a date', () => {
    expect(parsePartialDate('next week')).toBe('not a date in a known form');
    expect(parsePartialDate('5/3/2024')).toBe('not a date in a known form');
  });
});

describe('parseRecordDate', () => {
  it('reads Excel serial numbers', () => {
    expect(parseRecordDate('45356')).toMatchObject({ text: '2024-03-05', precision: 'day' });
  });

  it('refuses an ambiguous slashed date unless the day order is given', () => {
    expect(parseRecordDate('5/3/2024')).toMatch(/ambiguous/);
    expect(parseRecordDate('5/3/2024', 'DMY')).toMatchObject({ text: '2024-03-05' });
    expect(parseRecordDate('5/3/2024', 'MDY')).toMatchObject({ text: '2024-05-03' });
    expect(parseRecordDate('25/3/2024')).toMatchObject({ text: '2024-03-25' });
  });

  it('marks "about" dates as approximate in three languages', () => {
    for (const s of ['~1985', 'бл. 1985', 'ок. 1985', 'about 1985', '1985?']) {
      expect(parseRecordDate(s)).toMatchObject({ text: '1985', precision: 'year', approx: true });
    }
  });

  it('reads month-only forms', () => {
    expect(parseRecordDate('03/2024')).toMatchObject({ text: '2024-03', precision: 'month' });
    expect(parseRecordDate('03.2024')).toMatchObject({ text: '2024-03', precision: 'month' });
  });
});
