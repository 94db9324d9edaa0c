import type { SkippedRow } from './raw-table.js';
import { listed, notice, type Notice } from './message-codes.js';

/**
 * The locate stage: where the table is among the rows a file holds (its header row), and
 * which rows below it are not data (blank rows, totals, notes under the table). The same
 * rules for CSV, XLSX, XLS and ODS, for files read whole and streamed.
 */

/** A row of cells as read, numbered as the user sees it (the line of a CSV, the row of a sheet). */
export interface GridRow {
  row: number;
  cells: string[];
}

/** A merged range of a sheet: rows as numbered in the sheet, columns from 0. */
export interface Merge {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const filled = (c: string): boolean => c.length > 0 && (c.charCodeAt(0) > 32 || c.trim() !== '');

export const isBlank = (cells: string[]): boolean => !cells.some(filled);

export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim();
}

/** The header is looked for among the first rows. */
export const HEADER_WINDOW = 20;

export interface HeaderCandidate {
  index: number;
  /** The kind's scorer knows two or more of its names (else: a row of two or more cells). */
  recognised: boolean;
}

/**
 * The row that looks like a header among the first 20: the first the kind's scorer gives 2
 * or more (so titles and notes above the table are passed over); failing that, the first
 * with two or more filled cells (a title, merged across the top or not, fills one).
 * Undefined when no row qualifies.
 */
export function headerCandidate(
  grid: GridRow[],
  headerScore?: (cells: string[]) => number,
): HeaderCandidate | undefined {
  const limit = Math.min(grid.length, HEADER_WINDOW);
  if (headerScore) {
    for (let i = 0; i < limit; i++) {
      const cells = grid[i]!.cells;
      if (!isBlank(cells) && headerScore(cells.map(normaliseHeader)) >= 2)
        return { index: i, recognised: true };
    }
  }
  for (let i = 0; i < limit; i++) {
    let n = 0;
    for (const c of grid[i]!.cells)
      if (filled(c) && ++n >= 2) return { index: i, recognised: false };
  }
  return undefined;
}

/** The header's index: a candidate, else the first row that is not blank (-1: none). */
export function findHeader(grid: GridRow[], headerScore?: (cells: string[]) => number): number {
  return headerCandidate(grid, headerScore)?.index ?? grid.findIndex((g) => !isBlank(g.cells));
}

export const ABOVE_HEADER = 'above the header (title or note)';

/** Rows above the header that hold anything: skipped, and said so. */
export function aboveHeader(grid: GridRow[], at: number): SkippedRow[] {
  return grid
    .slice(0, Math.max(at, 0))
    .filter((g) => !isBlank(g.cells))
    .map((g) => ({ row: g.row, reason: ABOVE_HEADER }));
}

/**
 * Fills a range merged down over rows of the table's body (a source or region written once
 * for several persons) into each of its rows; its value stays in its top-left cell only
 * otherwise. Rows of the range with nothing else in them stay blank.
 */
export function fillMergedDown(grid: GridRow[], merges: Merge[], headerRow: number): void {
  const down = merges.filter((m) => m.bottom > m.top && m.top > headerRow);
  if (!down.length) return;
  const byRow = new Map(grid.map((g) => [g.row, g]));
  for (const m of down) {
    const value = byRow.get(m.top)?.cells[m.left];
    if (value === undefined || value === '') continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const g = byRow.get(r);
      if (!g || isBlank(g.cells) || (g.cells[m.left] ?? '') !== '') continue;
      while (g.cells.length < m.left) g.cells.push('');
      g.cells[m.left] = value;
    }
  }
}

// \b knows only ASCII letters, so the end of the word is spelled out.
const TOTAL =
  /^(total|totals|sum|subtotal|всього|усього|разом|итого|всего|загалом)(?=$|[\s:.,=])/iu;

/** Text of a row shown in a reason: its filled cells, shortened to 40 characters. */
function shown(cells: string[]): string {
  const text = cells
    .filter(filled)
    .map((c) => c.trim().replace(/\s+/g, ' '))
    .join(' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A row whose first filled cell says "Всього", "Разом по …", "Итого:", "Total"… */
export const isTotal = (cells: string[]): boolean => classify(cells) === 'total';

const NOTE =
  /^((примітк|примечан)\p{L}*|(note|notes|джерело|джерела|источник|источники|source|sources|складено|составлено|склав|склала|составил|составила|дата складання|дата составления|підготовлено|подготовлено|підготував|подготовил|виконавець|исполнитель|compiled by|prepared by)(?=$|[^\p{L}]))(.*)$/isu;
/** A single cell this long, of this many words, is a sentence, not a value. */
const NOTE_LENGTH = 60;
const NOTE_WORDS = 6;

/**
 * A row that is clearly not data when it comes after the data: a single cell starting with
 * "*", "Примітка", "Note", "Джерело", "Складено", … (the word alone, before ":" or before
 * more words) or holding a sentence; or two cells, the first such a word before ":"
 * ("Складено:", "01.11.2025"). An id such as "source-1" or "notes" beside a title is data.
 */
export const isNote = (cells: string[]): boolean => classify(cells) === 'note';

/**
 * What a row is, in one pass that stops at its third filled cell: a streamed file asks it
 * of every row.
 */
function classify(cells: string[]): 'blank' | 'total' | 'note' | 'data' {
  let count = 0;
  let value: string | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (!filled(c)) continue;
    value ??= c;
    if (++count > 2) break;
  }
  if (value === undefined) return 'blank';
  const first = value.trim();
  if (TOTAL.test(first)) return 'total';
  if (count > 2) return 'data';
  const alone = count === 1;
  if (alone && first.startsWith('*')) return 'note';
  const m = NOTE.exec(first);
  if (m) {
    const rest = m[4] ?? '';
    if (/^\s*:/.test(rest)) return 'note';
    if (alone && (rest === '' || /^\s/.test(rest))) return 'note';
  }
  return alone && first.length >= NOTE_LENGTH && first.split(/\s+/).length >= NOTE_WORDS
    ? 'note'
    : 'data';
}

/** Rows of notes under a table beyond which they are taken for rows of data. */
export const MAX_TRAILING_NOTES = 100;
/** Skipped rows listed; beyond it they are counted. */
export const MAX_SKIPPED_LISTED = 1000;

/**
 * The rows under the header, one by one, in file order: blank rows and totals anywhere are
 * dropped, notes after the last row of data too; every other row goes to `take`, in order.
 * Rows that look like notes are held until a row of data shows they were not the end.
 */
export class TableBody {
  /** In row order once `end` has run. */
  readonly skipped: SkippedRow[] = [];
  /** All rows skipped, listed or not. */
  skippedCount = 0;
  private held: GridRow[] = [];
  /** Too many note-like rows in a row to be notes: they go as data until a row that is not one. */
  private overflow = false;

  constructor(private readonly take: (g: GridRow) => void) {}

  push(g: GridRow): void {
    const what = classify(g.cells);
    if (what === 'blank') return;
    if (what === 'total') {
      this.skip(g.row, `total row ("${shown(g.cells)}")`);
      return;
    }
    if (what === 'note') {
      if (this.overflow) this.take(g);
      else if (this.held.length < MAX_TRAILING_NOTES) this.held.push(g);
      else {
        this.overflow = true;
        this.release();
        this.take(g);
      }
      return;
    }
    this.overflow = false;
    if (this.held.length) this.release();
    this.take(g);
  }

  /** The rows still held are notes under the table. */
  end(): void {
    for (const g of this.held) this.skip(g.row, `note below the table ("${shown(g.cells)}")`);
    this.held = [];
    this.skipped.sort((a, b) => a.row - b.row);
  }

  /** Rows skipped before the body (above the header), listed first. */
  before(rows: SkippedRow[]): void {
    for (const r of rows) this.skip(r.row, r.reason);
  }

  private release(): void {
    for (const g of this.held) this.take(g);
    this.held = [];
  }

  private skip(row: number, reason: string): void {
    this.skippedCount++;
    if (this.skipped.length < MAX_SKIPPED_LISTED) this.skipped.push({ row, reason });
  }
}

const rowList = (rows: number[]): string => {
  if (rows.length > 20) return `${rows.slice(0, 20).join(', ')} and ${rows.length - 20} more`;
  return rows.length > 1 ? `${rows.slice(0, -1).join(', ')} and ${rows.at(-1)}` : rows.join('');
};

/** What was skipped, in words for the text output (the structured list is `skipped`). */
export function skippedNotices(
  file: string,
  skipped: SkippedRow[],
  headerRow: number | undefined,
  count = skipped.length,
): Notice[] {
  const notices: Notice[] = [];
  if (headerRow !== undefined && skipped.some((s) => s.reason === ABOVE_HEADER))
    notices.push(
      notice(
        'table_starts',
        { row: headerRow },
        `${file}: the table starts on row ${headerRow}; rows above it (a title?) were skipped`,
      ),
    );
  const totals = skipped.filter((s) => s.reason.startsWith('total row')).map((s) => s.row);
  const rows = (list: number[]) => ({ count: list.length, rows: listed(list) });
  if (totals.length === 1)
    notices.push(
      notice(
        'total_skipped',
        rows(totals),
        `${file}: row ${totals[0]} looks like a total and was skipped`,
      ),
    );
  else if (totals.length > 1)
    notices.push(
      notice(
        'total_skipped',
        rows(totals),
        `${file}: rows ${rowList(totals)} look like totals and were skipped`,
      ),
    );
  const notes = skipped.filter((s) => s.reason.startsWith('note below')).map((s) => s.row);
  if (notes.length === 1)
    notices.push(
      notice(
        'note_skipped',
        rows(notes),
        `${file}: row ${notes[0]} below the table looks like a note and was skipped`,
      ),
    );
  else if (notes.length > 1)
    notices.push(
      notice(
        'note_skipped',
        rows(notes),
        `${file}: rows ${rowList(notes)} below the table look like notes and were skipped`,
      ),
    );
  if (count > skipped.length)
    notices.push(
      notice(
        'skipped_in_all',
        { count, listed: skipped.length },
        `${file}: ${count} rows were skipped in all; the first ${skipped.length} are listed`,
      ),
    );
  return notices;
}
