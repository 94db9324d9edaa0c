import type { ImportResult } from '../imports/index.js';

/** What one load of the public dataset did to one table. */
export interface TableChanges {
  table: string;
  added: number;
  changed: number;
  unchanged: number;
  /** Ids of the rows added and changed: public data, so the ids can be shown. */
  addedIds: string[];
  changedIds: string[];
}

export interface PublicDataChanges {
  dryRun: boolean;
  /** True when the load changed no row of any table. */
  nothingChanged: boolean;
  tables: TableChanges[];
}

export function publicDataChanges(results: ImportResult[]): PublicDataChanges {
  const tables = results.map((r) => ({
    table: r.kind,
    added: r.inserted,
    changed: r.updated,
    unchanged: r.unchanged,
    addedIds: r.ids?.inserted ?? [],
    changedIds: r.ids?.updated ?? [],
  }));
  return {
    dryRun: results.some((r) => r.dryRun),
    nothingChanged: tables.every((t) => t.added === 0 && t.changed === 0),
    tables,
  };
}

const n = (x: number): string => x.toLocaleString('en');
/** Ids listed per line; a first load adds every row, and a hundred ids say nothing. */
const LISTED = 20;
const list = (ids: string[]): string =>
  ids.length > LISTED
    ? `${ids.slice(0, LISTED).join(', ')} and ${n(ids.length - LISTED)} more (--json lists them all)`
    : ids.join(', ');

/** The changes in a few lines: per table the counts, then the ids added and changed. */
export function formatPublicDataChanges(c: PublicDataChanges): string {
  const lines = [
    c.dryRun
      ? 'Public dataset, dry run (nothing written): what loading it would change'
      : 'Public dataset loaded',
  ];
  for (const t of c.tables) {
    lines.push(
      `  ${t.table}: ${n(t.added)} added, ${n(t.changed)} changed, ${n(t.unchanged)} unchanged`,
    );
    if (t.addedIds.length) lines.push(`    added: ${list(t.addedIds)}`);
    if (t.changedIds.length) lines.push(`    changed: ${list(t.changedIds)}`);
  }
  if (c.nothingChanged) lines.push('  nothing changed: the database already holds this dataset');
  return lines.join('\n');
}
