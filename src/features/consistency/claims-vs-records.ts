import { parsePartialDate } from '../../core/partial-date.js';
import type { Claim } from '../claims/index.js';
import {
  exchangeStats,
  exchangeUnits,
  type Exchange,
  type ExchangeStats,
} from '../exchanges/index.js';
import { claimFigure } from './claim-checks.js';
import { fmt, type Finding } from './finding.js';
import { meets, rangeOf, type Range } from './qualified-range.js';

interface RecordsFigure {
  value: number;
  /** Some counted exchanges do not state this number: the true sum is higher. */
  lowerBound: boolean;
  approx: boolean;
  label: string;
}

type Reader = (s: ExchangeStats) => RecordsFigure;

const category =
  (key: keyof ExchangeStats['byCategory'], label: string): Reader =>
  (s) => ({
    value: s.byCategory[key].value,
    lowerBound: s.byCategory[key].exchangesStating < s.exchanges,
    approx: false,
    label: `${label} in recorded exchanges (${s.byCategory[key].exchangesStating} of ${s.exchanges} state it)`,
  });

/** The claim metrics that recorded exchanges can confirm, and how to read them off the records. */
export const RECORD_METRICS: Record<string, Reader> = {
  exchanges_held: (s) => ({
    value: s.exchanges,
    lowerBound: false,
    approx: false,
    label: 'exchanges recorded',
  }),
  returned: (s) => ({
    value: s.returned,
    lowerBound: s.returnedIsLowerBound,
    approx: s.returnedIncludesApprox,
    label: `people returned in recorded exchanges${s.exchangesWithUndisclosedTotal ? ` (${s.exchangesWithUndisclosedTotal} with no stated total)` : ''}`,
  }),
  returned_military: category('military', 'military returned'),
  returned_civilians: category('civilians', 'civilians returned'),
  returned_men: category('men', 'men returned'),
  returned_women: category('women', 'women returned'),
  returned_without_exchange: category('releasedWithoutExchange', 'released without exchange'),
  bodies_returned: (s) => ({
    value: s.bodiesReturned,
    lowerBound: false,
    approx: false,
    label: `bodies returned in ${s.bodyRepatriations} recorded repatriations`,
  }),
};

function recordsRange(r: RecordsFigure, tolerance: number): Range {
  return {
    lo: r.approx ? r.value * (1 - tolerance) : r.value,
    hi: r.lowerBound ? Infinity : r.approx ? r.value * (1 + tolerance) : r.value,
  };
}

function nearest(readings: RecordsFigure[], value: number): number {
  return readings.reduce((a, b) => (Math.abs(b.value - value) < Math.abs(a.value - value) ? b : a))
    .value;
}

/** The first day of a span and every later day in it on which a recorded event began. */
function changeDays(rows: Exchange[], earliest: string, latest: string): string[] {
  const days = new Set([earliest]);
  for (const r of rows) if (r.dateFrom > earliest && r.dateFrom <= latest) days.add(r.dateFrom);
  return [...days].sort();
}

/**
 * Every cumulative claim (since 24 Feb 2022) and every period claim against the recorded
 * exchanges in the same span. A month or year date covers its whole span, so the claim
 * must match the records as they stood on one of its days.
 */
export function claimsVsRecordsFindings(
  claims: Claim[],
  rows: Exchange[],
  tolerance: number,
): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    const read = RECORD_METRICS[c.metric];
    if (!read) continue;
    const asOf = parsePartialDate(c.asOf);
    if (typeof asOf === 'string') continue;
    const ps = c.periodStart ? parsePartialDate(c.periodStart) : null;
    if (typeof ps === 'string') continue;
    // A month or year may mean any of its days: the records are read on every day in the
    // span where their sum changes, and the claim must match one of those readings.
    const starts = ps ? changeDays(rows, ps.earliest, ps.latest) : [null];
    const ends = changeDays(rows, asOf.earliest, asOf.latest);
    const readings: RecordsFigure[] = [];
    for (const start of starts) {
      const inPeriod = start ? rows.filter((r) => r.dateFrom >= start) : rows;
      for (const end of ends) readings.push(read(exchangeStats(inPeriod, end)));
    }
    const claimed = rangeOf(c.value, c.qualifier, tolerance);
    if (readings.some((r) => meets(recordsRange(r, tolerance), claimed))) continue;
    const low = readings.reduce((a, b) => (b.value < a.value ? b : a));
    const high = readings.reduce((a, b) => (b.value > a.value ? b : a));
    const records = { lo: recordsRange(low, tolerance).lo, hi: recordsRange(high, tolerance).hi };
    const highRows = starts[0] ? rows.filter((r) => r.dateFrom >= (starts[0] ?? '')) : rows;
    const over = records.lo > claimed.hi;
    const short = records.hi < claimed.lo;
    // Neither over nor short: the claim lies between two readings, true on no single day.
    const recordsValue = short ? high.value : over ? low.value : nearest(readings, c.value);
    const span = c.periodStart ? `from ${c.periodStart} to ${c.asOf}` : `to ${c.asOf}`;
    const counted = exchangeUnits(highRows)
      .filter((u) => u.date <= asOf.latest)
      .map((u) => u.key);
    const claimText = `${c.qualifier === 'exact' ? '' : `${c.qualifier.replace('_', ' ')} `}${fmt(c.value)}`;
    const recordsText = `${high.lowerBound ? 'at least ' : ''}${fmt(recordsValue)}${low.value !== high.value ? ` (${fmt(low.value)}–${fmt(high.value)} over the span of ${c.asOf})` : ''}`;
    out.push({
      kind: c.periodStart ? 'period_claim' : 'cumulative_claim',
      severity: 'disagreement',
      message: `Claim ${c.id}${c.who ? ` (${c.who})` : ''}: ${c.metric} ${claimText} ${span}; the records give ${recordsText}. ${
        over
          ? `The records exceed the claim by ${fmt(recordsValue - c.value)}: the claim may count differently (see its description) or a record may be wrong.`
          : short
            ? `The records fall short by ${fmt(c.value - recordsValue)}: exchanges may be missing from the records, or the claim may count differently.`
            : `No day in ${c.asOf} gives that sum: the claim may date from another day, or count differently.`
      }`,
      figures: [
        claimFigure(c),
        {
          label: `records: ${high.label}`,
          value: recordsValue,
          qualifier: high.lowerBound ? 'at_least' : high.approx ? 'approx' : 'exact',
          ref: { type: 'records', ids: counted },
          asOf: c.asOf,
          sources: [],
        },
      ],
      difference: c.value - recordsValue,
      cause: { metric: c.metric, direction: over ? 'over' : short ? 'short' : 'between' },
    });
  }
  return out;
}
