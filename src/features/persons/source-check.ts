import type { Kysely } from 'kysely';
import type { InputProblem } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import { field, type ParsedRow } from '../imports/index.js';
import { recordId } from './record-id.js';

const SOURCE_ID = /^[a-z0-9][a-z0-9._:-]{0,127}$/i;

/**
 * The source of a row: its own cell when it has one, else the source named for the whole
 * file (`--source`). Real files carry no source column, so that is the usual way.
 */
export const sourceCell = (fallback?: string) =>
  field.cell((v, ctx): string => {
    const s = (v ?? '').trim() || fallback;
    if (!s)
      return field.fail(
        ctx,
        v,
        'is empty',
        'name the source of the file with --source ID (`polon sources list` shows them), or fill the source column',
      );
    return SOURCE_ID.test(s)
      ? s
      : field.fail(
          ctx,
          s,
          'is not a valid source id',
          'use only letters, digits and - _ . : (at most 128), no spaces',
        );
  });

/** Rows naming a source that is not registered. */
export async function unknownSources(
  db: Kysely<Database>,
  rows: ParsedRow<{ source: string }>[],
  file: string,
): Promise<InputProblem[]> {
  const wanted = [...new Set(rows.map((r) => r.value.source))];
  const known = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    for (const s of await db
      .selectFrom('sources')
      .select('id')
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute())
      known.add(s.id);
  }
  return rows
    .filter((r) => !known.has(r.value.source))
    .map((r) => ({
      file,
      row: r.row,
      column: 'source',
      value: r.value.source,
      message: `names the source "${r.value.source}", which is not registered`,
      fix: 'register it first with `polon sources add ID --title TEXT` (or `polon import sources FILE`), or correct the id',
    }));
}

/** Rows pointing at a person record that no import has brought in. */
export async function unknownRecords(
  db: Kysely<Database>,
  rows: ParsedRow<{ source: string; record_id: string | null }>[],
  file: string,
  required: boolean,
): Promise<InputProblem[]> {
  const ids = [
    ...new Set(
      rows
        .filter((r) => r.value.record_id)
        .map((r) => recordId(r.value.source, r.value.record_id ?? '')),
    ),
  ];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const s of await db
      .selectFrom('records')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      known.add(s.id);
  }
  const problems: InputProblem[] = [];
  for (const r of rows) {
    if (!r.value.record_id) {
      if (required)
        problems.push({
          file,
          row: r.row,
          column: 'record_id',
          message: 'is empty',
          fix: "give the source's id of the person this row is about",
        });
      continue;
    }
    if (!known.has(recordId(r.value.source, r.value.record_id))) {
      problems.push({
        file,
        row: r.row,
        column: 'record_id',
        message: `no person record with this id from source "${r.value.source}" has been imported`,
        fix: 'import the persons file of that source first (`polon import persons FILE`), or correct the id',
      });
    }
  }
  return problems;
}

/** The reference check of rows about a person's record: a registered source, a known record. */
export const personRowReferences =
  (recordRequired: boolean) =>
  async (
    db: Kysely<Database>,
    rows: ParsedRow<{ source: string; record_id: string | null }>[],
    file: string,
  ): Promise<InputProblem[]> => [
    ...(await unknownSources(db, rows, file)),
    ...(await unknownRecords(db, rows, file, recordRequired)),
  ];
