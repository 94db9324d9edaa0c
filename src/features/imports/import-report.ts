import type { TableCounts, UnresolvedPlace } from './import-kind.js';
import type { Detected, SkippedRow } from './raw-table.js';
import type { ImportResult } from './import-options.js';
import type { Notice } from './message-codes.js';

/** Which table a kind's rows go to, as the report names it. */
const TABLE_OF: Record<string, string> = { persons: 'records' };

type Counts = Omit<TableCounts, 'removed'> & { removed?: number };

/**
 * What an import did, in one shape for the command line (`--json`), the API and the
 * workspace: what was detected in the file, what each table gained, which rows were
 * skipped and why, which places the gazetteer does not know.
 */
export interface ImportReport {
  kind: string;
  file: string;
  source: string | null;
  dryRun: boolean;
  detected: Detected;
  rows: number;
  /** The kind's own table, as `records` (or `written`) says it too. */
  inserted: number;
  updated: number;
  unchanged: number;
  records?: Counts;
  events?: Counts;
  episodes?: Counts;
  /** Rows of the kind's own table when it is not one of the above (sources, exchanges, …). */
  written?: Counts;
  recordIds?: { from: 'file' | 'content' | 'both'; fromFile: number; fromContent: number };
  skippedRows: SkippedRow[];
  unresolvedPlaces: UnresolvedPlace[];
  notices: string[];
  /** The notices again, each with its code and parameters for the workspace's languages. */
  noticeCodes: Omit<Notice, 'message'>[];
  problems: [];
}

export function importReport(r: ImportResult): ImportReport {
  const own: Counts = { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged };
  const table = TABLE_OF[r.kind] ?? r.kind;
  const report: ImportReport = {
    kind: r.kind,
    file: r.file,
    source: r.source ?? null,
    dryRun: r.dryRun,
    detected: { ...r.detected },
    rows: r.rows,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    skippedRows: [...r.skippedRows],
    unresolvedPlaces: r.unresolvedPlaces ?? [],
    notices: r.notices.map((x) => x.message),
    noticeCodes: r.notices.map(({ code, params }) => ({ code, params })),
    problems: [],
  };
  if (table === 'records' || table === 'events' || table === 'episodes') report[table] = own;
  else report.written = own;
  if (r.facts) {
    report.events = r.facts.events;
    report.episodes = r.facts.episodes;
  }
  if (r.recordIds) {
    const { fromFile, fromContent } = r.recordIds;
    report.recordIds = {
      from: fromContent === 0 ? 'file' : fromFile === 0 ? 'content' : 'both',
      fromFile,
      fromContent,
    };
  }
  return report;
}

const n = (x: number): string => x.toLocaleString('en');
const counts = (c: Counts): string =>
  `${n(c.inserted)} new, ${n(c.updated)} changed, ${n(c.unchanged)} unchanged${c.removed ? `, ${n(c.removed)} removed` : ''}`;
const LISTED = 10;
const SAID_ABOVE =
  /matches no known place|rows above it|looks like a total and was skipped|looks like a note and was skipped/;

/** The report in a few lines of text. */
export function formatImportReport(r: ImportReport): string {
  const where = [
    r.detected.sheet ? `sheet "${r.detected.sheet}"` : '',
    r.detected.encoding ?? '',
    r.detected.delimiter
      ? `"${r.detected.delimiter === '\t' ? 'tab' : r.detected.delimiter}"-separated`
      : '',
    r.detected.headerRow ? `header on row ${r.detected.headerRow}` : '',
    r.source ? `source ${r.source}` : '',
  ].filter(Boolean);
  const lines = [
    `${r.dryRun ? '[dry run, nothing written] ' : ''}${r.kind} from ${r.file}${where.length ? ` (${where.join(', ')})` : ''}: ${n(r.rows)} rows`,
  ];
  if (r.records) lines.push(`  records: ${counts(r.records)}`);
  if (r.written) lines.push(`  ${r.kind}: ${counts(r.written)}`);
  if (r.events) lines.push(`  events: ${counts(r.events)}`);
  if (r.episodes) lines.push(`  detention episodes: ${counts(r.episodes)}`);
  if (r.recordIds && r.recordIds.fromContent > 0)
    lines.push(
      r.recordIds.from === 'content'
        ? '  record ids: the file has no id column; each record is known by its names and birth date'
        : `  record ids: ${n(r.recordIds.fromFile)} from the file's id column, ${n(r.recordIds.fromContent)} rows without one known by names and birth date`,
    );
  if (r.skippedRows.length)
    lines.push(
      `  skipped rows: ${r.skippedRows
        .slice(0, LISTED)
        .map((s) => `row ${s.row} (${s.reason})`)
        .join(
          '; ',
        )}${r.skippedRows.length > LISTED ? `; and ${r.skippedRows.length - LISTED} more` : ''}`,
    );
  if (r.unresolvedPlaces.length) {
    lines.push(
      `  places not in the gazetteer, kept as written (${r.unresolvedPlaces.length} row${r.unresolvedPlaces.length === 1 ? '' : 's'}); add them with \`polon import facilities\` or correct the name, then import again:`,
    );
    for (const u of r.unresolvedPlaces.slice(0, LISTED))
      lines.push(
        `    row ${u.row}: "${u.text.slice(0, 80)}"${u.candidates.length ? ` — perhaps ${u.candidates.map((c) => `${c.id} (${c.score.toFixed(2)})`).join(', ')}` : ''}`,
      );
    if (r.unresolvedPlaces.length > LISTED)
      lines.push(`    and ${r.unresolvedPlaces.length - LISTED} more (--json lists them all)`);
  }
  // Unresolved places and skipped rows are listed above; their notices would say it twice.
  for (const note of r.notices.filter((x) => !SAID_ABOVE.test(x))) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
