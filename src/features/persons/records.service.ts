import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { NewPersonRecord, PersonRecordFields } from '../../../contract/index.js';
import { AppError, InputError, type InputProblem } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import { personsImport, recordRow, type PersonRecordInput } from './records.import.js';
import { findRecordRow, toPersonRecord, type PersonRecordView } from './records.repository.js';
import { recordId } from './record-id.js';
import { unknownSources } from './source-check.js';

type Fields = z.infer<typeof PersonRecordFields>;

const CELLS: [keyof Fields, string][] = [
  ['familyName', 'family_name'],
  ['givenName', 'given_name'],
  ['patronymic', 'patronymic'],
  ['fullName', 'full_name'],
  ['birthDate', 'birth_date'],
  ['sex', 'sex'],
  ['category', 'category'],
  ['unit', 'unit'],
  ['branch', 'branch'],
  ['rank', 'rank'],
  ['captureDate', 'capture_date'],
  ['capturePlace', 'capture_place'],
  ['relativesContact', 'relatives_contact'],
  ['notes', 'notes'],
  ['seriouslyIllOrWounded', 'seriously_ill_or_wounded'],
  ['disability', 'disability'],
  ['politicalPrisonerPre2022', 'political_prisoner_pre2022'],
];

const cellOf = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'boolean'
      ? v
        ? 'yes'
        : 'no'
      : typeof v === 'number'
        ? String(v)
        : (v as string);

/** The API validates exactly as the import does: the body becomes a row of cells. */
function parseFields(source: string, sourceRecordId: string, fields: Fields): PersonRecordInput {
  const cells: Record<string, string> = { source, record_id: sourceRecordId };
  for (const [key, column] of CELLS) cells[column] = cellOf(fields[key]);
  const parsed = (personsImport.schemaFor?.({}) ?? personsImport.schema).safeParse(cells);
  if (parsed.success) return parsed.data;
  const byColumn = new Map(CELLS.map(([k, c]) => [c, k]));
  throw new InputError(
    parsed.error.issues.map((i): InputProblem => ({
      file: 'request body',
      column: byColumn.get(String(i.path[0])) ?? String(i.path[0] ?? ''),
      message: i.message,
      fix: (i as { params?: { fix?: string } }).params?.fix ?? 'correct the value',
    })),
  );
}

export async function createRecord(
  db: Kysely<Database>,
  body: z.infer<typeof NewPersonRecord>,
  actor: string,
): Promise<PersonRecordView> {
  const input = parseFields(body.source, body.sourceRecordId, body);
  const sourceProblems = await unknownSources(db, [{ row: 1, value: input }], 'request body');
  if (sourceProblems.length) throw new InputError(sourceProblems);
  const id = recordId(input.source, input.record_id);
  return db.transaction().execute(async (trx) => {
    if (await findRecordRow(trx, id))
      throw new AppError(
        'conflict',
        `source ${input.source} has a record with this id already; update it with PATCH /api/records/${id}`,
      );
    const row = recordRow(input, new Date().toISOString());
    await trx.insertInto('records').values(row).execute();
    await appendAudit(trx, { actor, action: 'record.create', entity: 'record', entityId: id });
    return toPersonRecord({ ...row, person_id: null });
  });
}

export async function updateRecord(
  db: Kysely<Database>,
  id: string,
  patch: Fields,
  actor: string,
): Promise<PersonRecordView> {
  // An empty correction changes nothing and would hand back the whole record under the
  // name of an update: a read that the audit log would not show as one.
  if (Object.keys(patch).length === 0)
    throw new AppError(
      'invalid_input',
      'nothing to correct: send at least one field of the record to change, e.g. {"category": "civilian"}',
    );
  return db.transaction().execute(async (trx) => {
    const old = await findRecordRow(trx, id);
    if (!old) throw new AppError('not_found', `no record ${id}`);
    const current = toPersonRecord(old);
    const merged: Fields = {};
    for (const [key] of CELLS) {
      const now =
        key === 'birthDate' && current.birthPrecision === 'approx' && current.birthDate
          ? `~${current.birthDate}`
          : current[key as keyof typeof current];
      (merged as Record<string, unknown>)[key] = key in patch ? patch[key] : now;
    }
    const input = parseFields(current.source, current.sourceRecordId, merged);
    const row = recordRow(input, new Date().toISOString());
    await trx.updateTable('records').set(row).where('id', '=', id).execute();
    await appendAudit(trx, {
      actor,
      action: 'record.update',
      entity: 'record',
      entityId: id,
      details: { fields: Object.keys(patch) },
    });
    return toPersonRecord({ ...row, person_id: old.person_id });
  });
}
