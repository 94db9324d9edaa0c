import type { Kysely } from 'kysely';
import type { Database, ExchangeRow } from '../../db/index.js';
import { citationsFor } from '../sources/index.js';
import type { Exchange, ExchangeKind, ReturnedQualifier } from './exchange.js';

export interface ExchangeFilter {
  /** Events that began on or before this day. */
  asOf?: string;
  from?: string;
  kind?: ExchangeKind;
}

export async function loadExchanges(
  db: Kysely<Database>,
  filter: ExchangeFilter = {},
): Promise<Exchange[]> {
  let q = db.selectFrom('exchanges').selectAll().orderBy('date_from').orderBy('id');
  if (filter.asOf) q = q.where('date_from', '<=', filter.asOf);
  if (filter.from) q = q.where('date_to', '>=', filter.from);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  const rows = await q.execute();
  const cites = await citationsFor(db, { table: 'exchange_sources', owner: 'exchange_id' });
  return rows.map((r) => toExchange(r, cites.get(r.id) ?? []));
}

export async function findExchange(
  db: Kysely<Database>,
  id: string,
): Promise<Exchange | undefined> {
  const r = await db.selectFrom('exchanges').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const cites = await citationsFor(db, { table: 'exchange_sources', owner: 'exchange_id' }, [id]);
  return toExchange(r, cites.get(id) ?? []);
}

const num = (v: number | null): number | null => (v === null ? null : Number(v));

function toExchange(r: ExchangeRow, sources: Exchange['sources']): Exchange {
  return {
    id: r.id,
    kind: r.kind as ExchangeKind,
    groupId: r.group_id,
    agreement: r.agreement,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    dateFrom: r.date_from,
    dateTo: r.date_to,
    returned: num(r.returned),
    returnedQualifier: r.returned_qualifier as ReturnedQualifier,
    military: num(r.military),
    civilians: num(r.civilians),
    men: num(r.men),
    women: num(r.women),
    seriouslyIllOrWounded: num(r.seriously_ill_or_wounded),
    releasedWithoutExchange: num(r.released_without_exchange),
    bodiesReturned: num(r.bodies_returned),
    mediator: r.mediator,
    notes: r.notes,
    sources: sources.map((s) => ({ id: s.id, title: s.title, url: s.url })),
  };
}
