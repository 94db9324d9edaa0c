import type { Kysely } from 'kysely';
import type { Database, EpisodesTable, EventsTable, RecordsTable } from '../../db/index.js';
import type { Selectable } from 'kysely';

export interface RecordFilter {
  source?: string;
  personId?: string;
  category?: string;
  limit: number;
  offset: number;
}

const bool = (v: number | null): boolean | null => (v === null ? null : Boolean(Number(v)));

export function toPersonRecord(r: Selectable<RecordsTable>) {
  return {
    id: r.id,
    source: r.source_id,
    sourceRecordId: r.source_record_id,
    personId: r.person_id,
    familyName: r.family_name,
    givenName: r.given_name,
    patronymic: r.patronymic,
    fullName: r.full_name,
    nameScript: r.name_script,
    birthDate: r.birth_date,
    birthPrecision: r.birth_precision,
    sex: r.sex,
    category: r.category,
    unit: r.unit,
    branch: r.branch,
    rank: r.rank,
    captureDate: r.capture_date,
    capturePlace: r.capture_place,
    relativesContact: r.relatives_contact,
    notes: r.notes,
    seriouslyIllOrWounded: bool(r.seriously_ill_or_wounded),
    disability: bool(r.disability),
    politicalPrisonerPre2022: bool(r.political_prisoner_pre2022),
    updatedAt: r.updated_at,
  };
}
export type PersonRecordView = ReturnType<typeof toPersonRecord>;

export async function listRecords(
  db: Kysely<Database>,
  f: RecordFilter,
): Promise<{ items: PersonRecordView[]; total: number }> {
  let q = db.selectFrom('records');
  if (f.source) q = q.where('source_id', '=', f.source);
  if (f.personId) q = q.where('person_id', '=', f.personId);
  if (f.category) q = q.where('category', '=', f.category);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toPersonRecord), total: Number(total.n) };
}

export async function findRecordRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An event as the API shows it. */
export function toEvent(e: Selectable<EventsTable>) {
  return {
    id: e.id,
    recordId: e.record_id,
    kind: e.kind,
    date: e.date,
    confirmedBy: e.confirmed_by,
    facilityId: e.facility_id,
    facilityText: e.facility_text,
    exchangeId: e.exchange_id,
    court: e.court,
    article: e.article,
    termMonths: e.term_months === null ? null : Number(e.term_months),
    place: e.place,
    notes: e.notes,
  };
}

/** A detention episode as the API shows it. */
export function toEpisode(e: Selectable<EpisodesTable>) {
  return {
    id: e.id,
    recordId: e.record_id,
    facilityId: e.facility_id,
    facilityText: e.facility_text,
    facilityScore: e.facility_score === null ? null : Number(e.facility_score),
    startDate: e.start_date,
    endDate: e.end_date,
    cell: e.cell,
    notes: e.notes,
  };
}

export async function eventsOf(db: Kysely<Database>, recordIds: string[]) {
  const rows = recordIds.length
    ? await db
        .selectFrom('events')
        .selectAll()
        .where('record_id', 'in', recordIds)
        .orderBy('date_from')
        .execute()
    : [];
  return rows.map(toEvent);
}

export async function episodesOf(
  db: Kysely<Database>,
  filter: { recordIds?: string[]; facilityId?: string },
) {
  let q = db.selectFrom('episodes').selectAll().orderBy('start_from');
  if (filter.recordIds)
    q = q.where('record_id', 'in', filter.recordIds.length ? filter.recordIds : ['']);
  if (filter.facilityId) q = q.where('facility_id', '=', filter.facilityId);
  const rows = await q.execute();
  return rows.map(toEpisode);
}

export async function listOccupancy(
  db: Kysely<Database>,
  f: { facilityId?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('occupancy_reports');
  if (f.facilityId) q = q.where('facility_id', '=', f.facilityId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('date_from')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((o) => ({
      id: o.id,
      source: o.source_id,
      recordId: o.record_id,
      facilityId: o.facility_id,
      facilityText: o.facility_text,
      date: o.date,
      count: Number(o.count),
      countQualifier: o.count_qualifier,
      scope: o.scope,
      notes: o.notes,
    })),
  };
}

export async function listPersons(db: Kysely<Database>, f: { limit: number; offset: number }) {
  const total = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('persons as p')
    .leftJoin('records as r', 'r.person_id', 'p.id')
    .select(['p.id', 'p.created_at', 'p.updated_at'])
    .select((eb) => eb.fn.count<number>('r.id').as('records'))
    .groupBy(['p.id', 'p.created_at', 'p.updated_at'])
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((p) => ({
      id: p.id,
      records: Number(p.records),
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    })),
  };
}

export async function recordsByIds(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, PersonRecordView>> {
  const out = new Map<string, PersonRecordView>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    for (const r of await db
      .selectFrom('records')
      .selectAll()
      .where('id', 'in', unique.slice(i, i + 500))
      .execute())
      out.set(r.id, toPersonRecord(r));
  }
  return out;
}
