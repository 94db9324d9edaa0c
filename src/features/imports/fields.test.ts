import { describe, expect, it } from 'vitest';
import * as field from './fields.js';

const schema = field.row({
  id: field.id(),
  count: field.count(),
  date: field.optionalDate(),
  // A kind's own cell, written as kinds write them.
  upper: field.cell((v, ctx) =>
    v === 'bad' ? field.fail(ctx, v, 'is bad', 'write something else') : (v ?? '').toUpperCase(),
  ),
});

describe('a row schema', () => {
  it('turns each cell into its value, absent cells included', () => {
    expect(schema.parse({ id: 'a-1', count: '1,200', upper: 'x' })).toEqual({
      id: 'a-1',
      count: 1200,
      date: null,
      upper: 'X',
    });
  });

  it('reports every bad cell at once, each under its own column with its fix', () => {
    const r = schema.safeParse({ id: 'a b', count: '-3', date: '2024-02-30', upper: 'bad' });
    expect(r.success).toBe(false);
    const issues = r.error?.issues ?? [];
    expect(issues.map((i) => i.path)).toEqual([['id'], ['count'], ['date'], ['upper']]);
    expect(issues.map((i) => i.message)).toEqual([
      'is not a valid id',
      'is negative',
      'day 30 does not exist in 2024-02 (it has 29 days)',
      'is bad',
    ]);
    const fixes = issues.map((i) => (i as { params?: { fix?: string } }).params?.fix ?? '');
    expect(fixes[0]).toMatch(/letters, digits/);
    expect(fixes[1]).toMatch(/0 or more/);
    expect(fixes[3]).toBe('write something else');
  });

  it('gives each bad cell a code and its parameters, for the reader’s language', () => {
    const r = field
      .row({
        id: field.id(),
        count: field.count(),
        date: field.optionalDate(),
        kind: field.oneOf(['a', 'b']),
        ok: field.flag(),
      })
      .safeParse({ id: 'a b', count: '-3', date: '2024-02-30', kind: 'c', ok: 'maybe' });
    const problems = (r.error?.issues ?? []).map(
      (i) => (i as { params?: { code?: string; params?: unknown } }).params,
    );
    expect(problems.map((p) => p?.code)).toEqual([
      'invalid_id',
      'negative',
      'bad_date',
      'unknown_value',
      'not_yes_no',
    ]);
    expect(problems[3]?.params).toEqual({ values: 'a, b' });
    expect(field.CELL_PROBLEM_CODES).toContain('bad_date');
  });

  it('refuses a cell that is not text, naming its column', () => {
    const r = schema.safeParse({ id: 'a', count: 5 });
    expect(r.error?.issues[0]?.path).toEqual(['count']);
  });

  it('gives each cell schema alone the same answer as the row does', () => {
    expect(field.count().parse('1 000')).toBe(1000);
    expect(field.count().safeParse('x').error?.issues[0]?.message).toBe('is not a whole number');
  });
});
