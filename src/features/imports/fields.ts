import { z } from 'zod';
import { DATE_FORMS_HELP, parsePartialDate, type PartialDate } from '../../core/partial-date.js';

/**
 * Cell parsers for import schemas. Each turns the text of one cell into a typed value or
 * an issue that says what is wrong and how to fix it (`params.fix`), so the report can
 * name file, row, column, value and fix for every bad cell at once.
 */
type Ctx = z.core.$RefinementCtx;

export function fail(ctx: Ctx, input: unknown, message: string, fix: string): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', message, input, params: { fix } });
  return z.NEVER;
}

const cell = z.string().optional();
const blank = (v: string | undefined): v is undefined | '' => v === undefined || v.trim() === '';

export const text = () => cell.transform((v) => (blank(v) ? null : v.trim()));

export const requiredText = (what: string) =>
  cell.transform((v, ctx) => (blank(v) ? fail(ctx, v, 'is empty', `write the ${what}`) : v.trim()));

const SLUG = /^[a-z0-9][a-z0-9._:-]{0,127}$/i;
export const id = () =>
  cell.transform((v, ctx) => {
    if (blank(v))
      return fail(ctx, v, 'is empty', 'give every row a stable id (letters, digits, - _ . :)');
    const s = v.trim();
    return SLUG.test(s)
      ? s
      : fail(
          ctx,
          s,
          'is not a valid id',
          'use only letters, digits and - _ . : (at most 128), no spaces',
        );
  });

const GROUPED = /^\d{1,3}([,\u00a0\u202f ]\d{3})+$/;

/** A count of people, bodies or events: blank when the source gives none (unknown, not 0). */
export const count = () =>
  cell.transform((v, ctx) => {
    if (blank(v)) return null;
    const s = v.trim();
    if (/^-\s*\d/.test(s))
      return fail(
        ctx,
        s,
        'is negative',
        'counts are 0 or more; leave the cell blank if the source gives no number',
      );
    const digits = GROUPED.test(s) ? s.replace(/[^\d]/g, '') : s;
    if (!/^\d+$/.test(digits)) {
      return fail(
        ctx,
        s,
        'is not a whole number',
        'write the count in digits (1000 or 1,000); put words such as "about" in the qualifier or notes column',
      );
    }
    const n = Number(digits);
    return Number.isSafeInteger(n) ? n : fail(ctx, s, 'is too large', 'check the number');
  });

export const requiredNumber = (fix: string) =>
  cell.transform((v, ctx) => {
    if (blank(v)) return fail(ctx, v, 'is empty', fix);
    const s = v.trim().replace(/[\u00a0\u202f ]/g, '');
    const n = Number(GROUPED.test(v.trim()) ? s.replace(/,/g, '') : s);
    if (!Number.isFinite(n)) return fail(ctx, v.trim(), 'is not a number', fix);
    if (n < 0) return fail(ctx, v.trim(), 'is negative', fix);
    return n;
  });

export const optionalNumber = (min: number, max: number, fix: string) =>
  cell.transform((v, ctx) => {
    if (blank(v)) return null;
    const n = Number(v.trim());
    if (!Number.isFinite(n)) return fail(ctx, v.trim(), 'is not a number', fix);
    if (n < min || n > max) return fail(ctx, v.trim(), `is outside ${min}…${max}`, fix);
    return n;
  });

export const oneOf = <const T extends readonly string[]>(values: T, fallback?: T[number]) =>
  cell.transform((v, ctx): T[number] => {
    if (blank(v)) {
      return fallback ?? fail(ctx, v, 'is empty', `write one of: ${values.join(', ')}`);
    }
    const s = v.trim().toLowerCase();
    return (values as readonly string[]).includes(s)
      ? s
      : fail(ctx, v.trim(), 'is not a known value', `write one of: ${values.join(', ')}`);
  });

export const optionalOneOf = <const T extends readonly string[]>(values: T) =>
  cell.transform((v, ctx): T[number] | null => {
    if (blank(v)) return null;
    const s = v.trim().toLowerCase();
    return (values as readonly string[]).includes(s)
      ? s
      : fail(
          ctx,
          v.trim(),
          'is not a known value',
          `write one of: ${values.join(', ')}, or leave it blank`,
        );
  });

export const date = () =>
  cell.transform((v, ctx): PartialDate => {
    if (blank(v)) return fail(ctx, v, 'is empty', DATE_FORMS_HELP);
    const d = parsePartialDate(v);
    return typeof d === 'string' ? fail(ctx, v.trim(), d, DATE_FORMS_HELP) : d;
  });

export const optionalDate = () =>
  cell.transform((v, ctx): PartialDate | null => {
    if (blank(v)) return null;
    const d = parsePartialDate(v);
    return typeof d === 'string'
      ? fail(ctx, v.trim(), d, `${DATE_FORMS_HELP}, or leave it blank`)
      : d;
  });

/** A list in one cell, separated by ";" (aliases). */
export const list = () =>
  cell.transform((v) =>
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
