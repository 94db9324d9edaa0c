import { InputError } from '../../core/app-error.js';

/**
 * The delimiter of a CSV text: given by name and checked, or detected from the first
 * lines. Part of the detect stage (detect-text.ts), for whole and streamed files alike.
 */

/** The delimiters a CSV file may use, in the order they win a tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const DELIMITER_SPELLINGS: Record<string, string> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  '|': '|',
  pipe: '|',
};

/** A delimiter as given (",", "semicolon", "tab", "\t"); undefined if it is none of them. */
export function delimiterNamed(name: string): string | undefined {
  const key = name === '\t' ? name : name.trim().toLowerCase();
  return Object.hasOwn(DELIMITER_SPELLINGS, key) ? DELIMITER_SPELLINGS[key] : undefined;
}

/** The delimiter as a person reads it in a notice. */
export const delimiterTitle = (d: string): string =>
  d === '\t' ? 'tab' : d === ';' ? '";" (semicolon)' : d === '|' ? '"|"' : '","';

/** Logical lines (quoted line breaks inside) the delimiter is judged by. */
const DELIMITER_LINES = 50;

/**
 * Cells per logical line of the start of a CSV text, splitting at `d` and respecting
 * quotes as the reader does; blank lines are left out, and so is a last line the text may
 * cut short (unless it is the only one).
 */
export function cellCounts(text: string, d: string, complete: boolean): number[] {
  const counts: number[] = [];
  const dc = d.charCodeAt(0);
  let cells = 1;
  let empty = true;
  let fieldStart = true;
  let i = 0;
  const n = text.length;
  const endLine = (): void => {
    if (!empty) counts.push(cells);
    cells = 1;
    empty = true;
    fieldStart = true;
  };
  while (i < n && counts.length < DELIMITER_LINES) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === 34) {
      // A quoted cell: to its closing quote ("" is a quote inside it).
      empty = false;
      let j = i + 1;
      for (;;) {
        const k = text.indexOf('"', j);
        if (k === -1) {
          j = n;
          break;
        }
        if (text.charCodeAt(k + 1) === 34) j = k + 2;
        else {
          j = k + 1;
          break;
        }
      }
      i = j;
      fieldStart = false;
      continue;
    }
    if (c === dc) {
      cells++;
      empty = false;
      fieldStart = true;
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      endLine();
    } else {
      if (c !== 32) empty = false;
      fieldStart = false;
    }
    i++;
  }
  if (i >= n && !empty && (complete || counts.length === 0)) counts.push(cells);
  return counts;
}

/**
 * The delimiter of a CSV text, from its first 50 logical lines: the one that splits most of
 * them into the same number of cells (more than one; lines of one cell count against every
 * candidate); on a tie, the one giving more cells,
 * then the first of `DELIMITERS`. A text no candidate splits (one column) is comma-separated.
 */
export function detectDelimiter(text: string, complete: boolean): string {
  let best: string = ',';
  let bestShare = 0;
  let bestCells = 1;
  for (const d of DELIMITERS) {
    const counts = cellCounts(text, d, complete);
    if (!counts.length) continue;
    // Lines of one cell (titles, notes, blank-ish lines) split under every candidate alike:
    // counted in the share, but never the mode, or three title rows outvote a short table.
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [cells, k] of freq) {
      if (k > modeCount || (k === modeCount && cells > mode)) {
        mode = cells;
        modeCount = k;
      }
    }
    if (mode < 2) continue;
    const share = modeCount / counts.length;
    if (share > bestShare || (share === bestShare && mode > bestCells)) {
      best = d;
      bestShare = share;
      bestCells = mode;
    }
  }
  return best;
}

/** The delimiter option, checked. */
export function givenDelimiter(file: string, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const d = delimiterNamed(name);
  if (!d)
    throw new InputError([
      {
        file,
        message: `"${name.slice(0, 40)}" is not a delimiter Polon reads`,
        fix: 'give one of "," ";" "|" or "tab" (also: comma, semicolon, pipe)',
      },
    ]);
  return d;
}
