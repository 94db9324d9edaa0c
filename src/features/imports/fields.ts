import { z } from 'zod';
import {
  DATE_FORMS_HELP,
  parsePartialDate,
  parseRecordDate,
  RECORD_DATE_HELP,
  type DayOrder,
  type PartialDate,
} from '../../core/partial-date.js';

/**
 * Cell parsers for import schemas. Each turns the text of one cell into a typed value or
 * an issue that says what is wrong and how to fix it (`params.fix`), so the report can
 * name file, row, column, value and fix for every bad cell at once.
 */
type Ctx = z.core.$RefinementCtx;

/**
 * What is wrong with a cell, by a stable code the workspace words in the reader's language
 * (the English message stays for the CLI and the API). A kind's own checks may leave it out.
 */
export const CELL_PROBLEM_CODES = [
  'empty',
  'invalid_id',
  'negative',
  'not_whole_number',
  'too_large',
  'not_number',
  'out_of_range',
  'unknown_value',
  'bad_date',
  'not_yes_no',
] as const;
export type CellProblemCode = (typeof CELL_PROBLEM_CODES)[number];

export function fail(
  ctx: Ctx,
  input: unknown,
  message: string,
  fix: string,
  code?: CellProblemCode,
  params?: Record<string, string | number>,
): typeof z.NEVER {
  ctx.issues.push({
    code: 'custom',
    message,
    input,
    params: { fix, ...(code ? { code } : {}), ...(params ? { params } : {}) },
  });
  return z.NEVER;
}

const cellText = z.string().optional();
const blank = (v: string | undefined): v is undefined | '' => v === undefined || v.trim() === '';

/** Turns the text of one cell (absent when the file has no such column) into a value. */
export type Convert<T> = (v: string | undefined, ctx: Ctx) => T;

/** The zod schema of one cell, carrying its conversion for `row` to call directly. */
export type CellSchema<T> = ReturnType<typeof cell<T>>;
/** A cell parser; also how a kind writes one of its own. */
export const cell = <T>(convert: Convert<T>) =>
  Object.assign(cellText.transform(convert), { convert });

type RowShape = Record<string, CellSchema<unknown>>;

/**
 * The schema of a row: every cell text (or absent), each turned into its value. Written as
 * one transform of the whole row rather than `z.object` of cell schemas: zod runs each
 * cell's transform through several layers of its own, which cost 9 seconds a million rows
 * of 19 columns; this costs 3. Issues carry the cell's column as their path, as before.
 */
export function row<S extends RowShape>(shape: S) {
  const keys = Object.keys(shape);
  const steps = keys.map((k) => (shape[k] as CellSchema<unknown>).convert);
  return z
    .object(
      Object.fromEntries(keys.map((k) => [k, cellText])) as { [K in keyof S]: typeof cellText },
    )
    .transform((cells, ctx) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] ?? '';
        const before = ctx.issues.length;
        out[key] = (steps[i] as Convert<unknown>)(
          (cells as Record<string, string | undefined>)[key],
          ctx,
        );
        for (let j = before; j < ctx.issues.length; j++) {
          const issue = ctx.issues[j];
          if (issue) ctx.issues[j] = { ...issue, path: [key, ...(issue.path ?? [])] };
        }
      }
      return out as { [K in keyof S]: z.output<S[K]> };
    });
}

export const text = () => cell((v) => (blank(v) ? null : v.trim()));

export const requiredText = (what: string) =>
  cell((v, ctx) => (blank(v) ? fail(ctx, v, 'is empty', `write the ${what}`, 'empty') : v.trim()));

// Pages and maps show names; < and > are what would make markup of one there (issue 16), and
// a control character (tab, line break, bell) is no part of a name: a copy-paste slip.
const MARKUP = /[<>]/;
const CONTROL = /\p{Cc}/u;

/** Why a name cannot be taken, and what to do, or null when it is plain text. */
function nameProblem(s: string, what: string): { message: string; fix: string } | null {
  if (MARKUP.test(s))
    return {
      message: 'contains < or >',
      fix: `write the ${what} as plain text: remove < and > (and anything between them that is not part of the name)`,
    };
  if (CONTROL.test(s))
    return {
      message: 'contains a control character (a tab, line break or other invisible character)',
      fix: `write the ${what} on one line: remove the tab, line break or other control character`,
    };
  return null;
}

/** A name (of a person, place or source): plain text, without < > or control characters. */
export const name = (what: string) =>
  cell((v, ctx) => {
    if (blank(v)) return null;
    const s = v.trim();
    const p = nameProblem(s, what);
    return p ? fail(ctx, s, p.message, p.fix) : s;
  });

export const requiredName = (what: string) =>
  cell((v, ctx) => {
    if (blank(v)) return fail(ctx, v, 'is empty', `write the ${what}`);
    const s = v.trim();
    const p = nameProblem(s, what);
    return p ? fail(ctx, s, p.message, p.fix) : s;
  });

const SLUG = /^[a-z0-9][a-z0-9._:-]{0,127}$/i;
export const id = () =>
  cell((v, ctx) => {
    if (blank(v))
      return fail(
        ctx,
        v,
        'is empty',
        'give every row a stable id (letters, digits, - _ . :)',
        'empty',
      );
    const s = v.trim();
    return SLUG.test(s)
      ? s
      : fail(
          ctx,
          s,
          'is not a valid id',
          'use only letters, digits and - _ . : (at most 128), no spaces',
          'invalid_id',
        );
  });

const GROUPED = /^\d{1,3}([,\u00a0\u202f ]\d{3})+$/;

/** A count of people, bodies or events: blank when the source gives none (unknown, not 0). */
export const count = () =>
  cell((v, ctx) => {
    if (blank(v)) return null;
    const s = v.trim();
    if (/^-\s*\d/.test(s))
      return fail(
        ctx,
        s,
        'is negative',
        'counts are 0 or more; leave the cell blank if the source gives no number',
        'negative',
      );
    const digits = GROUPED.test(s) ? s.replace(/[^\d]/g, '') : s;
    if (!/^\d+$/.test(digits)) {
      return fail(
        ctx,
        s,
        'is not a whole number',
        'write the count in digits (1000 or 1,000); put words such as "about" in the qualifier or notes column',
        'not_whole_number',
      );
    }
    const n = Number(digits);
    return Number.isSafeInteger(n)
      ? n
      : fail(ctx, s, 'is too large', 'check the number', 'too_large');
  });

export const requiredNumber = (fix: string) =>
  cell((v, ctx) => {
    if (blank(v)) return fail(ctx, v, 'is empty', fix, 'empty');
    const s = v.trim().replace(/[\u00a0\u202f ]/g, '');
    const n = Number(GROUPED.test(v.trim()) ? s.replace(/,/g, '') : s);
    if (!Number.isFinite(n)) return fail(ctx, v.trim(), 'is not a number', fix, 'not_number');
    if (n < 0) return fail(ctx, v.trim(), 'is negative', fix, 'negative');
    return n;
  });

export const optionalNumber = (min: number, max: number, fix: string) =>
  cell((v, ctx) => {
    if (blank(v)) return null;
    const n = Number(v.trim());
    if (!Number.isFinite(n)) return fail(ctx, v.trim(), 'is not a number', fix, 'not_number');
    if (n < min || n > max)
      return fail(ctx, v.trim(), `is outside ${min}…${max}`, fix, 'out_of_range', { min, max });
    return n;
  });

export const oneOf = <const T extends readonly string[]>(values: T, fallback?: T[number]) =>
  cell((v, ctx): T[number] => {
    if (blank(v)) {
      return (
        fallback ??
        fail(ctx, v, 'is empty', `write one of: ${values.join(', ')}`, 'empty', {
          values: values.join(', '),
        })
      );
    }
    const s = v.trim().toLowerCase();
    return (values as readonly string[]).includes(s)
      ? s
      : fail(
          ctx,
          v.trim(),
          'is not a known value',
          `write one of: ${values.join(', ')}`,
          'unknown_value',
          { values: values.join(', ') },
        );
  });

export const optionalOneOf = <const T extends readonly string[]>(values: T) =>
  cell((v, ctx): T[number] | null => {
    if (blank(v)) return null;
    const s = v.trim().toLowerCase();
    return (values as readonly string[]).includes(s)
      ? s
      : fail(
          ctx,
          v.trim(),
          'is not a known value',
          `write one of: ${values.join(', ')}, or leave it blank`,
          'unknown_value',
          { values: values.join(', ') },
        );
  });

export const date = () =>
  cell((v, ctx): PartialDate => {
    if (blank(v)) return fail(ctx, v, 'is empty', DATE_FORMS_HELP, 'empty');
    const d = parsePartialDate(v);
    return typeof d === 'string' ? fail(ctx, v.trim(), d, DATE_FORMS_HELP, 'bad_date') : d;
  });

export const optionalDate = () =>
  cell((v, ctx): PartialDate | null => {
    if (blank(v)) return null;
    const d = parsePartialDate(v);
    return typeof d === 'string'
      ? fail(ctx, v.trim(), d, `${DATE_FORMS_HELP}, or leave it blank`, 'bad_date')
      : d;
  });

/** A list in one cell, separated by ";" (aliases). */
export const list = () =>
  cell((v) =>
    blank(v)
      ? []
      : [
          ...new Set(
            v
              .split(/\s*;\s*/)
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ],
  );

/** A list of names in one cell, separated by ";" (aliases), each plain text as `name`. */
export const nameList = (what: string) =>
  cell((v, ctx) => {
    const names = list().convert(v, ctx);
    for (const n of names) {
      const p = nameProblem(n, what);
      if (p) return fail(ctx, n, p.message, p.fix);
    }
    return names;
  });

/** A date from a spreadsheet or survey, with the day order given for the import, if any. */
export const recordDate = (order?: DayOrder) =>
  cell((v, ctx): PartialDate | null => {
    if (blank(v)) return null;
    const d = parseRecordDate(v, order);
    return typeof d === 'string' ? fail(ctx, v.trim(), d, RECORD_DATE_HELP, 'bad_date') : d;
  });

const YES = new Set(['1', 'yes', 'y', 'true', 'так', 'т', 'да', 'д', '+', 'x', 'х']);
const NO = new Set(['0', 'no', 'n', 'false', 'ні', 'нi', 'н', 'нет', '-']);

/** A yes/no cell in English, Ukrainian or Russian; blank is unknown. */
export const flag = () =>
  cell((v, ctx): boolean | null => {
    if (blank(v)) return null;
    const s = v.trim().toLowerCase();
    if (YES.has(s)) return true;
    if (NO.has(s)) return false;
    return fail(
      ctx,
      v.trim(),
      'is not yes or no',
      'write yes/no (так/ні, да/нет, 1/0), or leave it blank if unknown',
      'not_yes_no',
    );
  });

/** A closed set of values, each with the words people use for it in three languages. */
export const vocabulary = <const T extends string>(words: Record<T, string[]>, what: string) => {
  const index = new Map<string, T>();
  for (const [value, forms] of Object.entries(words) as [T, string[]][]) {
    index.set(value, value);
    for (const f of forms) index.set(f.toLowerCase(), value);
  }
  return cell((v, ctx): T | null => {
    if (blank(v)) return null;
    const found = index.get(v.trim().toLowerCase().replace(/\.$/, ''));
    return (
      found ??
      fail(
        ctx,
        v.trim(),
        `is not a known ${what}`,
        `write one of: ${Object.keys(words).join(', ')} (or leave it blank)`,
        'unknown_value',
        { values: Object.keys(words).join(', ') },
      )
    );
  });
};
