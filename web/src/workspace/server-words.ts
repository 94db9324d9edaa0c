import type { TFunction } from 'i18next';
import { formatNumber } from '../i18n/format.js';

/*
 * The server's sentences in the reader's language. The server sends each problem, notice
 * and model warning in English with a stable code and its parameters (numbers, column,
 * sheet and list names); the words for each code are in ./i18n under `importProblems`,
 * `importFixes`, `importNotices` and `modelWarnings`. A code this page has no words for (a
 * newer server) shows the server's English.
 */

type Params = Record<string, string | number>;

/** What the server says, and by which code. */
export interface Coded {
  message: string;
  code?: string;
  params?: Params;
}

/**
 * The parameters as i18next takes them: numbers in the reader's way of writing them, but
 * `count` a number, since it chooses the plural form.
 */
function options(params: Params | undefined, lang: string, defaultValue: string) {
  const out: Record<string, string | number> = { defaultValue };
  for (const [k, v] of Object.entries(params ?? {}))
    out[k] = typeof v === 'number' && k !== 'count' ? formatNumber(v, lang) : v;
  return out;
}

/** Problems an import reports: a cell's or the whole file's. */
export interface ProblemWords extends Coded {
  fix: string;
}

/**
 * A problem in the reader's language where the server gave its code; the English message
 * otherwise. A bad date keeps the server's detail ("day 30 does not exist in 2024-02").
 */
export function problemMessage(p: ProblemWords, t: TFunction<'workspace'>, lang: string): string {
  if (!p.code) return p.message;
  const said = t(`importProblems.${p.code}`, options(p.params, lang, p.message));
  return p.code === 'bad_date' ? `${said} (${p.message})` : said;
}

/** The fix in the reader's language where the words for its code are there; else English. */
export const problemFix = (p: ProblemWords, t: TFunction<'workspace'>, lang: string): string =>
  p.code ? t(`importFixes.${p.code}`, options(p.params, lang, p.fix)) : p.fix;

/** A notice of an import (a title row skipped, columns not used, …). */
export function noticeText(n: Coded, t: TFunction<'workspace'>, lang: string): string {
  if (!n.code) return n.message;
  const params = { ...n.params };
  // A delimiter that cannot be seen is named in the reader's language.
  if (params.delimiter === 'tab' || params.delimiter === ' ')
    params.delimiter = t(`import.report.${params.delimiter === 'tab' ? 'tab' : 'space'}`);
  return t(`importNotices.${n.code}`, options(params, lang, n.message));
}

/** A model's or an estimate's warning, with its stratum where it is about one. */
export function warningText(
  w: Coded & { stratum?: string },
  t: TFunction<'workspace'>,
  lang: string,
): string {
  if (!w.code) return w.message;
  const said = t(`modelWarnings.${w.code}`, options(w.params, lang, w.message));
  return w.stratum === undefined || said === w.message
    ? said
    : t('modelWarnings.in_stratum', { stratum: w.stratum, warning: said });
}

type CodeOf = { code: string; params: Params; stratum?: string };

/** English sentences and, where the server sent them, their codes in the same order. */
export function withCodes(
  messages: readonly string[] | undefined,
  codes: readonly (CodeOf | undefined)[] | undefined,
): (Coded & { stratum?: string })[] {
  // A report is read defensively: the field may be missing or not a list.
  const list: readonly string[] = Array.isArray(messages) ? (messages as readonly string[]) : [];
  // Codes that do not line up with the sentences (an older or newer server) are not used.
  const aligned: readonly (CodeOf | undefined)[] =
    Array.isArray(codes) && codes.length === list.length
      ? (codes as readonly (CodeOf | undefined)[])
      : [];
  return list.map((message: string, i) => {
    const c = aligned[i];
    return c && typeof c.code === 'string'
      ? {
          message,
          code: c.code,
          params: c.params,
          ...(c.stratum !== undefined ? { stratum: c.stratum } : {}),
        }
      : { message };
  });
}
