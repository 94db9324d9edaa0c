import type { ImportResult, TableCounts, UnresolvedPlace } from './workspace-api.js';
import { withCodes, type Coded } from './server-words.js';

/*
 * The import page's reading of the server's report, apart from React so it can be tested:
 * the report grew fields over time and newer readers fill more of them, so every one is
 * read defensively, and notices that say again what a list below says are left out.
 */

/** What the reader found out about the file, in the order a person checks it. */
export const DETECTED_KEYS = ['format', 'sheet', 'headerRow', 'encoding', 'delimiter'] as const;
export type DetectedKey = (typeof DETECTED_KEYS)[number];

/** The tables an import writes to, as the report names them. */
export type ReportTable = 'records' | 'events' | 'episodes' | 'written';
const TABLES: ReportTable[] = ['records', 'events', 'episodes', 'written'];

/** Why a row was left out, when the page knows the reason and can say it in any language. */
export type SkipKind = 'total' | 'blank' | 'title';

export interface SkippedRow {
  row: number;
  /** The server's words. */
  reason: string;
  kind?: SkipKind;
}

export interface ReportView {
  detected: { key: DetectedKey; value: string }[];
  tables: { table: ReportTable; counts: TableCounts }[];
  recordIds?: NonNullable<ImportResult['recordIds']>;
  skippedRows: SkippedRow[];
  unresolvedPlaces: UnresolvedPlace[];
  /** The server's English sentence of each, and its code where the server sent one. */
  notices: Coded[];
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function counts(value: unknown): TableCounts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  if (!isCount(c.inserted) || !isCount(c.updated) || !isCount(c.unchanged)) return undefined;
  return {
    inserted: c.inserted,
    updated: c.updated,
    unchanged: c.unchanged,
    ...(isCount(c.removed) && c.removed > 0 ? { removed: c.removed } : {}),
  };
}

function detectedValue(key: DetectedKey, value: unknown): string | undefined {
  if (key === 'headerRow') return isCount(value) && value > 0 ? String(value) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  // A delimiter is shown as it is (a tab or space is named by the page); the rest trimmed.
  if (key === 'delimiter') return value;
  if (key === 'format') return value.trim().toUpperCase();
  return value.trim() || undefined;
}

/** The kind of a skipped row, from the server's reason (a word or a sentence). */
export function skipKind(reason: string): SkipKind | undefined {
  if (/\btotal\b|\bsum\b/i.test(reason)) return 'total';
  if (/\b(blank|empty)\b/i.test(reason)) return 'blank';
  if (/\btitle\b/i.test(reason)) return 'title';
  return undefined;
}

/*
 * Readers that do not fill `detected` and `skippedRows` yet say two of those things in
 * notices, in English: read them from there, so the page says them in the reader's language.
 */
const HEADER_NOTICE = /\bthe table starts on row (\d+)\b/;
const TOTAL_NOTICE = /\brow (\d+) looks like a total and was skipped\b/;
const FILE_ENDING = /\.(csv|txt|xlsx|xls|ods|json)$/i;

/** The report as the page shows it; missing or malformed parts are simply absent. */
export function reportView(r: ImportResult): ReportView {
  const found: Record<string, unknown> =
    typeof r.detected === 'object' && r.detected !== null ? { ...r.detected } : {};
  const coded = withCodes(r.notices, r.noticeCodes).filter((n) => typeof n.message === 'string');
  const notes = coded.map((n) => n.message);
  // The server chooses the reader by the file's ending.
  found.format ??= FILE_ENDING.exec(typeof r.file === 'string' ? r.file : '')?.[1];
  if (found.headerRow === undefined) {
    const row = notes.map((n) => HEADER_NOTICE.exec(n)?.[1]).find(Boolean);
    if (row) found.headerRow = Number(row);
  }
  const detected: ReportView['detected'] = [];
  for (const key of DETECTED_KEYS) {
    const value = detectedValue(key, found[key]);
    if (value !== undefined) detected.push({ key, value });
  }
  const tables = TABLES.flatMap((table) => {
    const c = counts(r[table]);
    return c ? [{ table, counts: c }] : [];
  });
  const skippedRows: SkippedRow[] = (Array.isArray(r.skippedRows) ? r.skippedRows : [])
    .filter((s) => isCount(s?.row) && typeof s.reason === 'string')
    .map((s) => {
      const kind = skipKind(s.reason);
      return { row: s.row, reason: s.reason, ...(kind ? { kind } : {}) };
    });
  for (const n of notes) {
    const total = TOTAL_NOTICE.exec(n);
    const row = Number(total?.[1]);
    if (total && !skippedRows.some((s) => s.row === row))
      skippedRows.push({ row, reason: 'looks like a total', kind: 'total' });
  }
  skippedRows.sort((a, b) => a.row - b.row);
  const unresolvedPlaces = (Array.isArray(r.unresolvedPlaces) ? r.unresolvedPlaces : [])
    .filter((u) => isCount(u?.row) && typeof u.text === 'string')
    .map((u) => ({
      row: u.row,
      text: u.text,
      candidates: (Array.isArray(u.candidates) ? u.candidates : []).filter(
        (c) => typeof c?.id === 'string' && isCount(c.score),
      ),
    }));
  const ids = r.recordIds;
  const recordIds =
    ids &&
    (ids.from === 'file' || ids.from === 'content' || ids.from === 'both') &&
    isCount(ids.fromFile) &&
    isCount(ids.fromContent)
      ? ids
      : undefined;
  const skipped = new Set(skippedRows.map((s) => s.row));
  const headerRow = detected.find((d) => d.key === 'headerRow')?.value;
  const notices = coded.filter(({ message: n }) => {
    // Listed below with their rows and guesses.
    if (unresolvedPlaces.length > 0 && /matches no known place/.test(n)) return false;
    const start = /table starts on row (\d+)/.exec(n);
    if (start && start[1] === headerRow) return false;
    const row = /\brow (\d+)\b.*\bskipped\b/.exec(n);
    return !(row && !start && skipped.has(Number(row[1])));
  });
  return {
    detected,
    tables,
    ...(recordIds ? { recordIds } : {}),
    skippedRows,
    unresolvedPlaces,
    notices,
  };
}

/** Workbooks may hold several sheets: the page offers to name one. */
export const isWorkbook = (fileName: string): boolean => /\.(xlsx|xls|ods)$/i.test(fileName);

/** A delimiter that cannot be seen is named; the page translates the name. */
export function delimiterName(d: string): 'tab' | 'space' | undefined {
  if (d === '\t') return 'tab';
  if (d === ' ') return 'space';
  return undefined;
}

const scoreFormats = new Map<string, Intl.NumberFormat>();

/** A matcher's score (0–1) with two decimals, in the reader's language. */
export function formatScore(score: number, lang: string): string {
  let f = scoreFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    scoreFormats.set(lang, f);
  }
  return f.format(score);
}
