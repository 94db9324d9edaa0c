import type { Kysely } from 'kysely';
import type { InputProblem } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import type { ColumnSpec, ParsedRow } from '../imports/index.js';
import type { Citation } from './citation.js';
import { unknownSourceProblems, writeCitations, type CitationLink } from './sources.repository.js';

/** The `sources` column every evidence file has: each row cites at least one source. */
export const SOURCES_COLUMN: ColumnSpec = {
  name: 'sources',
  required: true,
  description: 'URLs, source ids or references, separated by " ; "',
};

interface Cited {
  id: string;
  sources: Citation[];
}

const cited = <T extends Cited>(rows: ParsedRow<T>[]) =>
  rows.map((r) => ({ ownerId: r.value.id, row: r.row, citations: r.value.sources }));

/** An import's reference check for rows that cite sources by id. */
export function citedSourceProblems<T extends Cited>(
  db: Kysely<Database>,
  rows: ParsedRow<T>[],
  file: string,
): Promise<InputProblem[]> {
  return unknownSourceProblems(db, cited(rows), file);
}

/** Writes the rows' citations and returns the ids whose citations changed. */
export function writeRowCitations<T extends Cited>(
  db: Kysely<Database>,
  link: CitationLink,
  rows: ParsedRow<T>[],
  ctx: { file: string; now: string },
): Promise<Set<string>> {
  return writeCitations(db, link, cited(rows), ctx.file, ctx.now);
}

/**
 * Counts an import's rows when some changed only in their citations (or aliases): those
 * are updated, not unchanged. `ids` names the rows added and changed, for a report of what a
 * load of the public dataset changed (its ids are public).
 */
export function countWithSideChanges(
  out: {
    inserted: number;
    updated: number;
    unchanged: number;
    changed: Set<string>;
    updatedKeys: Set<string>;
  },
  sideChanged: Iterable<string>,
): {
  inserted: number;
  updated: number;
  unchanged: number;
  extra: string[];
  ids: { inserted: string[]; updated: string[] };
} {
  const extra = [...new Set(sideChanged)].filter((id) => !out.changed.has(id));
  const inserted = [...out.changed].filter((id) => !out.updatedKeys.has(id));
  return {
    inserted: out.inserted,
    updated: out.updated + extra.length,
    unchanged: out.unchanged - extra.length,
    extra,
    ids: { inserted: inserted.sort(), updated: [...out.updatedKeys, ...extra].sort() },
  };
}
