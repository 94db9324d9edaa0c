import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import type {
  CaptivityEventKind,
  CaptivityTimeline,
  OccupancyInput,
} from '../../estimation/index.js';

export interface TimelineSet {
  timelines: CaptivityTimeline[];
  /** persons: records grouped by linked person; records: no linkage yet, each record counts as a person. */
  basis: 'persons' | 'records';
  unlinkedRecords: number;
  /** Records left off the MSE lists: no full name or no birth date to link them by. */
  thinRecords: number;
  /** The person (or, unlinked, the record itself) each record id belongs to. */
  personOf: Map<string, string>;
  /** Records of synthetic sources were left out (what may be published). */
  withoutSynthetic: boolean;
}

/** Ids of sources marked synthetic: test data that never counts in a public figure. */
const syntheticSources = (db: Kysely<Database>) =>
  db.selectFrom('sources').select('id').where('synthetic', '=', 1);

/**
 * Gathers each person's records, events and episodes into a timeline. Before linkage has
 * run, records without a person count one each, which overcounts people seen by several
 * sources: the result says so.
 */
export async function loadTimelines(
  db: Kysely<Database>,
  includeThin = false,
  withoutSynthetic = false,
): Promise<TimelineSet> {
  const records = await db
    .selectFrom('records')
    .$if(withoutSynthetic, (q) => q.where('source_id', 'not in', syntheticSources(db)))
    .select([
      'id',
      'person_id',
      'source_id',
      'category',
      'sex',
      'family_name',
      'given_name',
      'full_name',
      'birth_date',
      'patronymic',
      'unit',
    ])
    .execute();
  const events = await db
    .selectFrom('events')
    .select(['record_id', 'kind', 'date_from', 'date_to', 'facility_id'])
    .execute();
  const episodes = await db
    .selectFrom('episodes')
    .select(['record_id', 'facility_id', 'start_from', 'end_from', 'end_to'])
    .execute();
  const owner = new Map<string, string>();
  const byPerson = new Map<string, CaptivityTimeline>();
  let unlinked = 0;
  let thin = 0;
  for (const r of records) {
    const pid = r.person_id ?? r.id;
    if (!r.person_id) unlinked++;
    owner.set(r.id, pid);
    let t = byPerson.get(pid);
    if (!t) {
      t = { personId: pid, sources: [], category: null, sex: null, events: [], episodes: [] };
      byPerson.set(pid, t);
    }
    // A record too thin to link reliably would, whenever linkage misses it, count as one more
    // person on its list and inflate N (measured: +14% on synthetic data). By default a list
    // is the records with a name and a birth date, the least that links well.
    const named = Boolean(r.full_name || (r.family_name && r.given_name));
    const identifiable = includeThin || (named && Boolean(r.birth_date));
    if (identifiable && !t.sources.includes(r.source_id)) t.sources.push(r.source_id);
    if (!identifiable) thin++;
    t.category ??= (r.category as CaptivityTimeline['category']) ?? null;
    t.sex ??= (r.sex as CaptivityTimeline['sex']) ?? null;
  }
  // Events and episodes of records left out find no timeline and are skipped.
  for (const e of events) {
    const t = byPerson.get(owner.get(e.record_id) ?? '');
    t?.events.push({
      kind: e.kind as CaptivityEventKind,
      from: e.date_from,
      to: e.date_to,
      facilityId: e.facility_id,
    });
  }
  for (const e of episodes) {
    const t = byPerson.get(owner.get(e.record_id) ?? '');
    t?.episodes.push({
      facilityId: e.facility_id,
      from: e.start_from,
      to: e.end_from,
      toLatest: e.end_to,
    });
  }
  return {
    timelines: [...byPerson.values()],
    basis: unlinked === records.length && records.length > 0 ? 'records' : 'persons',
    unlinkedRecords: unlinked,
    thinRecords: thin,
    personOf: owner,
    withoutSynthetic,
  };
}

/**
 * Pairs of persons that linkage could neither join nor keep apart and no reviewer has
 * decided: the other reading of the evidence, which the estimate's interval must include.
 */
export async function undecidedLinks(
  db: Kysely<Database>,
  personOf: Map<string, string>,
): Promise<[string, string][]> {
  const rows = await db
    .selectFrom('review_pairs')
    .select(['a_record_id', 'b_record_id'])
    .where('decision', 'is', null)
    .execute();
  const pairs: [string, string][] = [];
  for (const r of rows) {
    const a = personOf.get(r.a_record_id);
    const b = personOf.get(r.b_record_id);
    if (a && b && a !== b) pairs.push([a, b]);
  }
  return pairs;
}

export async function loadOccupancy(
  db: Kysely<Database>,
  withoutSynthetic = false,
): Promise<OccupancyInput[]> {
  const rows = await db
    .selectFrom('occupancy_reports')
    .select(['facility_id', 'date_from', 'count', 'scope'])
    .where('facility_id', 'is not', null)
    .$if(withoutSynthetic, (q) => q.where('source_id', 'not in', syntheticSources(db)))
    .execute();
  return rows.map((r) => ({
    facilityId: r.facility_id ?? '',
    date: r.date_from,
    count: Number(r.count),
    scope: r.scope as OccupancyInput['scope'],
  }));
}
