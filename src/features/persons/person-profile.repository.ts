import type { Kysely, Selectable } from 'kysely';
import type { Database, FacilitiesTable } from '../../db/index.js';
import { toPersonRecord, type PersonRecordView } from './records.repository.js';

/** The name columns of every record, for the search index: names as written, with ids. */
export interface RecordNameRow {
  id: string;
  person_id: string | null;
  family_name: string | null;
  given_name: string | null;
  patronymic: string | null;
  full_name: string | null;
}

export async function loadRecordNames(db: Kysely<Database>): Promise<RecordNameRow[]> {
  return db
    .selectFrom('records')
    .select(['id', 'person_id', 'family_name', 'given_name', 'patronymic', 'full_name'])
    .orderBy('id')
    .execute();
}

/**
 * What changes when a record's names may have changed: every write of a record (import,
 * API) stamps updated_at, and an insert or delete changes the count.
 */
export async function recordNamesVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('records')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}|${row.last ?? ''}`;
}

/** The records of the given persons or records, as the linkage now groups them. */
export async function recordsOfPersons(
  db: Kysely<Database>,
  ids: { personIds: string[]; recordIds: string[] },
): Promise<PersonRecordView[]> {
  const out: PersonRecordView[] = [];
  for (const [column, values] of [
    ['person_id', ids.personIds],
    ['id', ids.recordIds],
  ] as const) {
    for (let i = 0; i < values.length; i += 500) {
      const rows = await db
        .selectFrom('records')
        .selectAll()
        .where(column, 'in', values.slice(i, i + 500))
        .orderBy('id')
        .execute();
      out.push(...rows.map(toPersonRecord));
    }
  }
  return out;
}

export async function findRecordPerson(
  db: Kysely<Database>,
  recordId: string,
): Promise<{ id: string; person_id: string | null } | undefined> {
  return db
    .selectFrom('records')
    .select(['id', 'person_id'])
    .where('id', '=', recordId)
    .executeTakeFirst();
}

export type PlaceRow = Pick<
  Selectable<FacilitiesTable>,
  'id' | 'name_en' | 'name_uk' | 'name_ru' | 'lat' | 'lon'
>;

export async function placesByIds(db: Kysely<Database>, ids: string[]): Promise<PlaceRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .selectFrom('facilities')
    .select(['id', 'name_en', 'name_uk', 'name_ru', 'lat', 'lon'])
    .where('id', 'in', unique)
    .orderBy('id')
    .execute();
}

/** Events and episodes of records with the earliest day each may be on, for ordering. */
export async function timelineRows(db: Kysely<Database>, recordIds: string[]) {
  if (recordIds.length === 0) return { events: [], episodes: [] };
  const events = await db
    .selectFrom('events')
    .selectAll()
    .where('record_id', 'in', recordIds)
    .orderBy('id')
    .execute();
  const episodes = await db
    .selectFrom('episodes')
    .selectAll()
    .where('record_id', 'in', recordIds)
    .orderBy('id')
    .execute();
  return { events, episodes };
}
