import type { Kysely } from 'kysely';
import type { InputProblem } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import type { ColumnSpec, LinkWrite, ParsedRow } from '../imports/index.js';
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

/** An import's link to its citations: writes them and gives the ids whose citations changed. */
export const citationLinks =
  <T extends Cited>(link: CitationLink): LinkWrite<T> =>
  (db, rows, ctx) =>
    writeCitations(db, link, cited(rows), ctx.file, ctx.now);
