import { BREAKDOWNS, isNumberedKind, type Breakdown, type Exchange } from './exchange.js';

/**
 * Counting rules of METHODS.md: an exchange held over several days or stages counts once; a
 * group total is a figure about the whole group and is never added to its stages; local
 * swaps and body repatriations are not exchanges; a number a source did not state is
 * unknown, not zero, so totals over unknowns are lower bounds.
 */

export interface Tally {
  value: number;
  /** True when some counted event has no stated number, or only "more than N": the true total is higher. */
  lowerBound: boolean;
  /** True when some counted number is itself approximate. */
  approx: boolean;
}

export interface CategoryTally {
  value: number;
  /** Exchanges whose sources state this breakdown; the rest are unknown, not zero. */
  exchangesStating: number;
}

export interface YearStats {
  year: number;
  exchanges: number;
  returned: number;
  returnedIsLowerBound: boolean;
  military: number;
  civilians: number;
  women: number;
  bodiesReturned: number;
}

export interface ExchangeStats {
  asOf: string;
  exchanges: number;
  returned: number;
  returnedIsLowerBound: boolean;
  returnedIncludesApprox: boolean;
  exchangesWithUndisclosedTotal: number;
  byCategory: Record<Breakdown, CategoryTally>;
  localSwaps: { events: number; returned: number };
  bodiesReturned: number;
  bodyRepatriations: number;
  byYear: YearStats[];
  firstExchange: string | null;
  lastExchange: string | null;
}

/** One exchange in the official numbering: a single row, or the rows of one group. */
export interface ExchangeUnit {
  key: string;
  date: string;
  members: Exchange[];
  total: Exchange | undefined;
}

export function exchangeUnits(rows: Exchange[]): ExchangeUnit[] {
  const units = new Map<string, ExchangeUnit>();
  for (const r of rows) {
    if (!isNumberedKind(r.kind)) continue;
    const key = r.groupId ?? r.id;
    const unit = units.get(key) ?? { key, date: r.dateFrom, members: [], total: undefined };
    if (r.kind === 'group_total') unit.total = r;
    else unit.members.push(r);
    if (r.dateFrom < unit.date) unit.date = r.dateFrom;
    units.set(key, unit);
  }
  return [...units.values()].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.key.localeCompare(b.key),
  );
}

export function rowTally(r: Exchange): Tally {
  if (r.returned === null) return { value: 0, lowerBound: true, approx: false };
  const q = r.returnedQualifier;
  return {
    value: r.returned,
    lowerBound: q === 'more_than' || q === 'at_least',
    approx: q === 'approx',
  };
}

export function addTally(a: Tally, b: Tally): Tally {
  return {
    value: a.value + b.value,
    lowerBound: a.lowerBound || b.lowerBound,
    approx: a.approx || b.approx,
  };
}

const ZERO: Tally = { value: 0, lowerBound: false, approx: false };

/** People returned by one exchange as of a day: the group's total once it is complete, else its stages so far. */
export function unitReturned(unit: ExchangeUnit, asOf: string): Tally {
  const members = unit.members.filter((m) => m.dateFrom <= asOf);
  const stages = members.reduce((t, m) => addTally(t, rowTally(m)), ZERO);
  const total = unit.total && unit.total.dateTo <= asOf ? rowTally(unit.total) : undefined;
  if (!total) return stages;
  if (total.value >= stages.value) return total;
  // The stages add up to more than the stated total: the stages are the better lower bound.
  return { ...stages, lowerBound: true };
}

/** A breakdown (military, women, …) of one exchange as of a day; null when no source states it. */
export function unitBreakdown(unit: ExchangeUnit, asOf: string, b: Breakdown): number | null {
  const total = unit.total && unit.total.dateTo <= asOf ? unit.total[b] : null;
  if (total !== null && total !== undefined) return total;
  let sum: number | null = null;
  for (const m of unit.members) {
    if (m.dateFrom <= asOf && m[b] !== null) sum = (sum ?? 0) + (m[b] ?? 0);
  }
  return sum;
}

export function exchangeStats(rows: Exchange[], asOf: string): ExchangeStats {
  const units = exchangeUnits(rows).filter((u) => u.date <= asOf);
  const byCategory = Object.fromEntries(
    BREAKDOWNS.map((b) => [b, { value: 0, exchangesStating: 0 }]),
  ) as Record<Breakdown, CategoryTally>;
  const years = new Map<number, YearStats>();
  const year = (date: string): YearStats => {
    const y = Number(date.slice(0, 4));
    const found = years.get(y);
    if (found) return found;
    const fresh: YearStats = {
      year: y,
      exchanges: 0,
      returned: 0,
      returnedIsLowerBound: false,
      military: 0,
      civilians: 0,
      women: 0,
      bodiesReturned: 0,
    };
    years.set(y, fresh);
    return fresh;
  };

  let returned = ZERO;
  let undisclosed = 0;
  for (const u of units) {
    const t = unitReturned(u, asOf);
    returned = addTally(returned, t);
    const members = u.members.filter((m) => m.dateFrom <= asOf);
    if (
      members.every((m) => m.returned === null) &&
      !(u.total && u.total.dateTo <= asOf && u.total.returned !== null)
    )
      undisclosed++;
    const y = year(u.date);
    y.exchanges++;
    y.returned += t.value;
    y.returnedIsLowerBound ||= t.lowerBound;
    for (const b of BREAKDOWNS) {
      const v = unitBreakdown(u, asOf, b);
      if (v === null) continue;
      byCategory[b].value += v;
      byCategory[b].exchangesStating++;
      if (b === 'military' || b === 'civilians' || b === 'women') y[b] += v;
    }
  }

  const localSwaps = { events: 0, returned: 0 };
  let bodiesReturned = 0;
  let bodyRepatriations = 0;
  for (const r of rows) {
    if (r.dateFrom > asOf) continue;
    if (r.kind === 'local_swap') {
      localSwaps.events++;
      localSwaps.returned += r.returned ?? 0;
    }
    if (r.bodiesReturned !== null) {
      bodiesReturned += r.bodiesReturned;
      bodyRepatriations++;
      year(r.dateFrom).bodiesReturned += r.bodiesReturned;
    }
  }

  return {
    asOf,
    exchanges: units.length,
    returned: returned.value,
    returnedIsLowerBound: returned.lowerBound,
    returnedIncludesApprox: returned.approx,
    exchangesWithUndisclosedTotal: undisclosed,
    byCategory,
    localSwaps,
    bodiesReturned,
    bodyRepatriations,
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    firstExchange: units[0]?.date ?? null,
    lastExchange: units.at(-1)?.date ?? null,
  };
}
