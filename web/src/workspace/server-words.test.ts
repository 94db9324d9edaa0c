import { describe, expect, it } from 'vitest';
import { i18next } from '../i18n/i18n.js';
import './workspace-i18n.js';
import { noticeText, problemFix, problemMessage, warningText, withCodes } from './server-words.js';

/*
 * What a reader of the workspace sees of the server's English sentences: the words of their
 * language for the code the server sent, with its parameters and the right plural form.
 */
const inLanguage = (lang: string) => i18next.getFixedT(lang, 'workspace');
const uk = inLanguage('uk');
const ru = inLanguage('ru');
const en = inLanguage('en');

// As src/features/imports/row-validator.ts sends a file without a required column.
const missing = {
  file: 'список.xlsx',
  row: 1,
  column: 'family_name',
  message: 'the required column "family_name" is missing',
  fix: 'add a column named "family_name" (surname as written); the persons columns are: …',
  code: 'missing_column',
  params: { column: 'family_name', columns: 'source, family_name, given_name' },
};

describe('the server’s words in the reader’s language', () => {
  it('says a whole-file problem and its fix in Ukrainian, with its column names', () => {
    expect(problemMessage(missing, uk, 'uk')).toBe('бракує обов’язкового стовпця «family_name»');
    expect(problemFix(missing, uk, 'uk')).toBe(
      'додайте стовпець із назвою «family_name»; стовпці такого файлу: source, family_name, given_name',
    );
    expect(problemMessage(missing, ru, 'ru')).toBe('нет обязательного столбца «family_name»');
  });

  it('says a model warning in Ukrainian, in the plural form its count needs', () => {
    // As src/estimation/model-report.ts sends a term resting on few people.
    const sparse = (count: number) => ({
      message: `term A:B rests on ${count} people on all of A, B: its coefficient, and N, are fragile`,
      code: 'sparse_term',
      params: { term: 'A:B', count },
    });
    expect(warningText(sparse(1), uk, 'uk')).toBe(
      'Член A:B спирається на 1 людину: його коефіцієнт, а з ним і N, нестійкі.',
    );
    expect(warningText(sparse(3), uk, 'uk')).toBe(
      'Член A:B спирається на 3 людини: його коефіцієнт, а з ним і N, нестійкі.',
    );
    expect(warningText(sparse(7), uk, 'uk')).toBe(
      'Член A:B спирається на 7 людей: його коефіцієнт, а з ним і N, нестійкі.',
    );
    expect(warningText(sparse(7), ru, 'ru')).toBe(
      'Член A:B опирается на 7 человек: его коэффициент, а с ним и N, неустойчивы.',
    );
  });

  it('names the stratum a warning is about, and writes numbers the reader’s way', () => {
    const w = {
      message: 'stratum "civilians": the upper 95% limit lies beyond 3 × N (12000): …',
      code: 'upper_beyond_search',
      params: { factor: 3, limit: 12000 },
      stratum: 'civilians',
    };
    expect(warningText(w, uk, 'uk')).toBe(
      'Страта «civilians»: Верхня межа 95% інтервалу лежить далі за 3 × N (12\u00a0000): за цієї моделі дані не обмежують N згори.',
    );
  });

  it('says a notice in Ukrainian and names an invisible delimiter', () => {
    expect(
      noticeText(
        {
          message: 'x.csv: cells are separated by a tab',
          code: 'delimiter',
          params: { delimiter: 'tab' },
        },
        uk,
        'uk',
      ),
    ).toBe(`Клітинки розділено знаком «${uk('import.report.tab')}».`);
    expect(
      noticeText(
        {
          message: 'x.csv: rows 7, 10 and 11 look like totals and were skipped',
          code: 'total_skipped',
          params: { count: 3, rows: '7, 10, 11' },
        },
        uk,
        'uk',
      ),
    ).toBe('Пропущено 3 рядки, схожі на підсумки: 7, 10, 11.');
  });

  it('keeps the server’s English where it sent no code, or one the page has no words for', () => {
    expect(noticeText({ message: 'something new' }, uk, 'uk')).toBe('something new');
    expect(
      warningText({ message: 'a new warning', code: 'not_yet_known', params: {} }, uk, 'uk'),
    ).toBe('a new warning');
    expect(problemMessage({ ...missing, code: undefined }, uk, 'uk')).toBe(missing.message);
    expect(problemMessage(missing, en, 'en')).toBe('the required column "family_name" is missing');
  });

  it('pairs sentences with their codes only when the two lists line up', () => {
    const codes = [{ code: 'saturated', params: {} }];
    expect(withCodes(['a'], codes)).toEqual([{ message: 'a', code: 'saturated', params: {} }]);
    expect(withCodes(['a', 'b'], codes)).toEqual([{ message: 'a' }, { message: 'b' }]);
    expect(withCodes(undefined, undefined)).toEqual([]);
  });
});
