import type { Kysely, Transaction } from 'kysely';
import { parseRecordDate, type PartialDate } from '../../core/partial-date.js';
import { upsertRows, type Database, type UpsertOutcome } from '../../db/index.js';
import type { TableCounts, UnresolvedPlace } from '../imports/index.js';
import { resolveFacilityCells } from './facility-cells.js';
import { derivedId } from './record-id.js';
import type { Notice } from '../imports/index.js';

type AnyDb = Kysely<Database> | Transaction<Database>;

/** The record columns that state facts beyond who the person is. */
export const FACT_COLUMNS = [
  'capture_date',
  'capture_place',
  'held_place',
  'held_from',
  'held_to',
  'release_date',
  'release_exchange',
  'death_date',
  'missing_date',
  'status',
] as const;

/** A record's id and its fact cells, as the records table holds them. */
export type RecordFactCells = Pick<Database['records'], 'id' | (typeof FACT_COLUMNS)[number]>;

export const hasFacts = (r: RecordFactCells): boolean => FACT_COLUMNS.some((c) => r[c]);

type DerivedKind = 'missing' | 'captured' | 'released' | 'died_in_captivity';
const DERIVED_KINDS: DerivedKind[] = ['missing', 'captured', 'released', 'died_in_captivity'];

/**
 * Ids of what a record's own cells state: one event of each kind and one detention episode
 * per record, so importing the row again updates them, and a cell emptied in a newer copy
 * of the sheet removes what it stated. Events and episodes from separate files have ids of
 * their own and are never touched here.
 */
export const derivedEventId = (recordId: string, kind: DerivedKind): string =>
  derivedId('evt', [recordId, 'record-cells', kind]);
export const derivedEpisodeId = (recordId: string): string =>
  derivedId('epi', [recordId, 'record-cells']);

export interface FactCounts {
  events: TableCounts;
  episodes: TableCounts;
  unresolvedPlaces: UnresolvedPlace[];
  notices: Notice[];
}

export const noFacts = (): FactCounts => ({
  events: { inserted: 0, updated: 0, unchanged: 0, removed: 0 },
  episodes: { inserted: 0, updated: 0, unchanged: 0, removed: 0 },
  unresolvedPlaces: [],
  notices: [],
});

export function addFacts(into: FactCounts, more: FactCounts): FactCounts {
  for (const t of ['events', 'episodes'] as const) {
    into[t].inserted += more[t].inserted;
    into[t].updated += more[t].updated;
    into[t].unchanged += more[t].unchanged;
    into[t].removed += more[t].removed;
  }
  into.unresolvedPlaces.push(...more.unresolvedPlaces);
  into.notices.push(...more.notices);
  return into;
}

const dateOf = (text: string | null): PartialDate | null => {
  if (!text) return null;
  const d = parseRecordDate(text);
  return typeof d === 'string' ? null : d;
};

interface ExchangeDay {
  id: string;
  date: string;
}

/**
 * The exchange a release cell names: an exchange id as it is, or a day ("обмін 24.08.2024")
 * on which exactly one exchange took place. Anything else stays only on the record.
 */
function exchangeOf(text: string | null, exchanges: ExchangeDay[]): ExchangeDay | null {
  if (!text) return null;
  const t = text.trim();
  const byId = exchanges.find((e) => e.id === t);
  if (byId) return byId;
  const day = /(\d{1,2})[./](\d{1,2})[./](\d{4})|(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (!day) return null;
  const iso = day[3]
    ? `${day[3]}-${day[2]!.padStart(2, '0')}-${day[1]!.padStart(2, '0')}`
    : `${day[4]}-${day[5]}-${day[6]}`;
  const same = exchanges.filter((e) => e.date === iso);
  return same.length === 1 ? (same[0] ?? null) : null;
}

/**
 * Turns what flat person rows state — captured on a day at a place, held at a facility,
 * released (in an exchange), died, went missing, or a status word saying so — into events
 * and detention episodes of their records. `rows` gives each record's row in the file, for
 * the report of places the gazetteer does not know.
 */
export async function writeRecordFacts(
  trx: AnyDb,
  all: RecordFactCells[],
  allRows: number[],
  updatedKeys: Set<string>,
  ctx: { file: string; now: string },
): Promise<FactCounts> {
  const out = noFacts();
  // A new record without facts has nothing to state or remove: a million-row list of names
  // costs no look-up here. A record that states facts is written again (a place the
  // gazetteer has learnt since resolves now); an updated one may have lost some.
  const records: RecordFactCells[] = [];
  const rows: number[] = [];
  all.forEach((r, i) => {
    if (updatedKeys.has(r.id) || hasFacts(r)) {
      records.push(r);
      rows.push(allRows[i] ?? 0);
    }
  });
  if (records.length === 0) return out;
  const withFacts = records.some(hasFacts);
  const exchanges: ExchangeDay[] =
    withFacts && records.some((r) => r.release_exchange)
      ? (await trx.selectFrom('exchanges').select(['id', 'date_start']).execute()).map((e) => ({
          id: e.id,
          date: e.date_start,
        }))
      : [];
  const { resolved, unresolved } = withFacts
    ? await resolveFacilityCells(
        trx,
        records.map((r, i) => ({ row: rows[i] ?? 0, text: r.held_place })),
        ctx.file,
      )
    : { resolved: [], unresolved: [] };
  out.unresolvedPlaces.push(...unresolved);

  const events: Database['events'][] = [];
  const episodes: Database['episodes'][] = [];
  const stale: { events: string[]; episodes: string[] } = { events: [], episodes: [] };
  records.forEach((r, i) => {
    const stated = new Map<
      DerivedKind,
      { date: PartialDate | null; more?: Partial<Database['events']> }
    >();
    const status = r.status as DerivedKind | null;
    if (r.capture_date || r.capture_place || status === 'captured')
      stated.set('captured', { date: dateOf(r.capture_date), more: { place: r.capture_place } });
    if (r.missing_date || status === 'missing')
      stated.set('missing', { date: dateOf(r.missing_date) });
    const exchange = exchangeOf(r.release_exchange, exchanges);
    if (r.release_date || r.release_exchange || status === 'released')
      stated.set('released', {
        date: dateOf(r.release_date) ?? dateOf(exchange?.date ?? null),
        more: { exchange_id: exchange?.id ?? null },
      });
    if (r.death_date || status === 'died_in_captivity')
      stated.set('died_in_captivity', { date: dateOf(r.death_date) });
    for (const kind of DERIVED_KINDS) {
      const id = derivedEventId(r.id, kind);
      const s = stated.get(kind);
      if (!s) {
        stale.events.push(id);
        continue;
      }
      events.push({
        id,
        record_id: r.id,
        kind,
        date: s.date?.text ?? null,
        date_from: s.date?.earliest ?? null,
        date_to: s.date?.latest ?? null,
        confirmed_by: null,
        facility_id: null,
        facility_text: null,
        exchange_id: null,
        court: null,
        article: null,
        term_months: null,
        place: null,
        notes: null,
        ...s.more,
        updated_at: ctx.now,
      });
    }
    const episodeId = derivedEpisodeId(r.id);
    if (!r.held_place) {
      stale.episodes.push(episodeId);
      return;
    }
    const from = dateOf(r.held_from);
    const to = dateOf(r.held_to);
    episodes.push({
      id: episodeId,
      record_id: r.id,
      facility_id: resolved[i]?.facilityId ?? null,
      facility_text: r.held_place,
      facility_score: resolved[i]?.score ?? null,
      start_date: from?.text ?? null,
      start_from: from?.earliest ?? null,
      start_to: from?.latest ?? null,
      end_date: to?.text ?? null,
      end_from: to?.earliest ?? null,
      end_to: to?.latest ?? null,
      cell: null,
      notes: null,
      updated_at: ctx.now,
    });
  });
  if (events.length) count(out.events, await upsertRows(trx, 'events', 'id', rowsOf(events)));
  if (episodes.length)
    count(out.episodes, await upsertRows(trx, 'episodes', 'id', rowsOf(episodes)));
  out.events.removed = await removeAll(trx, 'events', stale.events);
  out.episodes.removed = await removeAll(trx, 'episodes', stale.episodes);
  return out;
}

function count(into: TableCounts, o: UpsertOutcome): void {
  into.inserted += o.inserted;
  into.updated += o.updated;
  into.unchanged += o.unchanged;
}

const rowsOf = <T extends object>(rows: T[]): Record<string, unknown>[] =>
  rows as unknown as Record<string, unknown>[];

async function removeAll(trx: AnyDb, table: 'events' | 'episodes', ids: string[]): Promise<number> {
  let removed = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const r = await trx
      .deleteFrom(table)
      .where('id', 'in', ids.slice(i, i + 500))
      .executeTakeFirst();
    removed += Number(r.numDeletedRows);
  }
  return removed;
}
