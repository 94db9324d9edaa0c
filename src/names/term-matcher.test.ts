import { describe, expect, it } from 'vitest';
import { FACILITY_TERMS } from './facility-vocabulary.js';
import { matchKey } from './match-key.js';
import { tokenise } from './normalise.js';
import { ORDINAL_TERMS } from './number-words.js';
import { createTermMatcher } from './term-matcher.js';

const terms = createTermMatcher([...FACILITY_TERMS, ...ORDINAL_TERMS]);

/** The role and length of the term at the start of `text`. */
function first(text: string, typos = false) {
  const tokens = tokenise(text);
  return terms.match(tokens, tokens.map(matchKey), 0, typos);
}

describe('the facility vocabulary', () => {
  it('knows SIZO in three languages and their abbreviations', () => {
    for (const text of ['СИЗО', 'СІЗО', 'SIZO', 'следственный изолятор', 'слідчий ізолятор']) {
      expect(first(text)?.role).toEqual({ kind: 'type', concept: 'sizo' });
    }
    expect(first('pre-trial detention centre')).toEqual({
      length: 3,
      role: { kind: 'type', concept: 'sizo' },
    });
  });

  it('knows colonies: ИК, ІК, ВК, IK, penal and correctional colony, in any case', () => {
    for (const text of [
      'ИК',
      'ІК',
      'ВК',
      'IK',
      'penal colony',
      'исправительной колонии',
      'виправна колонія',
    ]) {
      expect(first(text)?.role).toEqual({ kind: 'type', concept: 'penal_colony' });
    }
    expect(first('колония-поселение')?.role).toEqual({
      kind: 'type',
      concept: 'colony_settlement',
    });
    expect(first('ЛИУ')?.role).toEqual({ kind: 'type', concept: 'medical_colony' });
  });

  it('prefers the longest term: ИВС is not a SIZO although it is an изолятор', () => {
    expect(first('изолятор временного содержания')).toEqual({
      length: 3,
      role: { kind: 'type', concept: 'temporary_detention' },
    });
    expect(first('ІТТ')?.role).toEqual({ kind: 'type', concept: 'temporary_detention' });
  });

  it('reads the formal wrapper of prison-service names as such', () => {
    for (const text of ['ФКУ', 'ГУФСИН', 'УФСИН', 'России', 'Federal Penitentiary Service']) {
      expect(first(text)?.role.kind).toBe('admin');
    }
    expect(first('области')?.role.kind).toBe('region-marker');
  });

  it('reads ordinals in three languages', () => {
    expect(first('второй')?.role).toEqual({ kind: 'number', value: 2 });
    expect(first('другий')?.role).toEqual({ kind: 'number', value: 2 });
    expect(first('second')?.role).toEqual({ kind: 'number', value: 2 });
    // An ordinal stem does not swallow a town name that starts alike.
    expect(first('Первомайск')).toBeUndefined();
  });

  it('translates features of informal sites', () => {
    for (const text of ['підвал', 'подвал', 'basement']) {
      expect(first(text)?.role).toEqual({ kind: 'feature', feature: 'basement' });
    }
    expect(first('катівня')?.role).toEqual({ kind: 'feature', feature: 'torture' });
  });

  it('finds a misspelt term only when asked to', () => {
    expect(first('коллнія')).toBeUndefined();
    expect(first('коллнія', true)?.role).toEqual({ kind: 'type', concept: 'penal_colony' });
    expect(first('излятор временного содержания', true)).toEqual({
      length: 3,
      role: { kind: 'type', concept: 'temporary_detention' },
    });
    // Short abbreviations are never guessed at.
    expect(first('ІКК', true)).toBeUndefined();
  });
});
