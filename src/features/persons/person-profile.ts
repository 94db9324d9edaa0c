import type { Kysely } from 'kysely';
import type {
  ConflictStep,
  EventConflict,
  PersonProfile,
  PlaceOnMap,
  TimelineEntry,
} from '../../../contract/index.js';
import { AppError } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import {
  findRecordPerson,
  placesByIds,
  recordsOfPersons,
  timelineRows,
} from './person-profile.repository.js';
import { findEventConflicts, type DatedStep } from './event-conflicts.js';
import { toEpisode, toEvent } from './records.repository.js';

const nullableNumber = (v: number | null): number | null => (v === null ? null : Number(v));

/**
 * Everything known of one person: their records as each source wrote them, and one
 * timeline of events and detention episodes from all of them, earliest first (undated
 * steps last), each with its facility's name and coordinates for the map. `id` is a person
 * id, or the id of a record linkage placed with no person; a record id of a linked record
 * shows its whole person.
 */
export async function personProfile(db: Kysely<Database>, id: string): Promise<PersonProfile> {
  let personId: string | null = id;
  let records;
  if (id.startsWith('rec_')) {
    const found = await findRecordPerson(db, id);
    if (!found) throw new AppError('not_found', `no record ${id}; search for the person again`);
    personId = found.person_id;
  }
  if (personId) records = await recordsOfPersons(db, { personIds: [personId], recordIds: [] });
  else records = await recordsOfPersons(db, { personIds: [], recordIds: [id] });
  if (records.length === 0)
    throw new AppError('not_found', `no person ${id}; a linkage run may have renumbered persons`);

  const { events, episodes } = await timelineRows(
    db,
    records.map((r) => r.id),
  );
  const places = await placesByIds(db, [
    ...events.flatMap((e) => (e.facility_id ? [e.facility_id] : [])),
    ...episodes.flatMap((e) => (e.facility_id ? [e.facility_id] : [])),
  ]);
  const facilities: PlaceOnMap[] = places.map((p) => ({
    id: p.id,
    nameEn: p.name_en,
    nameUk: p.name_uk,
    nameRu: p.name_ru,
    lat: nullableNumber(p.lat),
    lon: nullableNumber(p.lon),
  }));
  const placeOf = (fid: string | null) => facilities.find((f) => f.id === fid) ?? null;

  const timeline: TimelineEntry[] = [
    ...events.map((e): TimelineEntry => ({
      type: 'event',
      date: e.date,
      sortDate: e.date_from,
      facility: placeOf(e.facility_id),
      event: toEvent(e),
    })),
    ...episodes.map((e): TimelineEntry => ({
      type: 'episode',
      date: e.start_date,
      sortDate: e.start_from,
      facility: placeOf(e.facility_id),
      episode: toEpisode(e),
    })),
  ];
  timeline.sort((a, b) => {
    if (a.sortDate === b.sortDate) return a.type.localeCompare(b.type);
    if (a.sortDate === null) return 1;
    if (b.sortDate === null) return -1;
    return a.sortDate.localeCompare(b.sortDate);
  });
  const steps: DatedStep[] = [
    ...events.map((e) => ({
      type: 'event' as const,
      id: e.id,
      recordId: e.record_id,
      kind: e.kind,
      date: e.date,
      from: e.date_from,
      to: e.date_to,
    })),
    ...episodes.map((e) => ({
      type: 'episode' as const,
      id: e.id,
      recordId: e.record_id,
      kind: 'held',
      date: e.start_date,
      from: e.start_from,
      to: e.start_to,
      endFrom: e.end_from,
      endDate: e.end_date,
    })),
  ];
  const sourceOf = new Map(records.map((r) => [r.id, r.source]));
  const shown = (s: DatedStep): ConflictStep => ({
    type: s.type,
    id: s.id,
    recordId: s.recordId,
    source: sourceOf.get(s.recordId) ?? '',
    kind: s.kind,
    date: s.date,
  });
  const conflicts = findEventConflicts(steps).map((c): EventConflict =>
    c.kind === 'death_dates'
      ? { kind: c.kind, deaths: c.deaths.map(shown) }
      : { kind: c.kind, step: shown(c.step), date: c.date, death: shown(c.death) },
  );
  return { id, personId, records, timeline, facilities, conflicts };
}
