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

function recordsRange(low: RecordsFigure, high: RecordsFigure, tolerance: number): Range {
  const approx = low.approx || high.approx;
  return {
    lo: approx ? low.value * (1 - tolerance) : low.value,
    hi: high.lowerBound ? Infinity : approx ? high.value * (1 + tolerance) : high.value,
  };
}

/**
 * Every cumulative claim (since 24 Feb 2022) and every period claim against the recorded
 * exchanges in the same span. A month or year date covers its whole span, so the records
 * are read at both ends of it and the claim must fit somewhere between.
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
    let lowRows = rows;
    let highRows = rows;
    if (c.periodStart) {
      const ps = parsePartialDate(c.periodStart);
      if (typeof ps === 'string') continue;
      highRows = rows.filter((r) => r.dateFrom >= ps.earliest);
      lowRows = rows.filter((r) => r.dateFrom >= ps.latest);
    }
    const low = read(exchangeStats(lowRows, asOf.earliest));
    const highStats = exchangeStats(highRows, asOf.latest);
    const high = read(highStats);
    const records = recordsRange(low, high, tolerance);
    const claimed = rangeOf(c.value, c.qualifier, tolerance);
    if (meets(records, claimed)) continue;

    const recordsValue = records.hi < claimed.lo ? high.value : low.value;
    const over = records.lo > claimed.hi;
    const span = c.periodStart ? `from ${c.periodStart} to ${c.asOf}` : `to ${c.asOf}`;
    const counted = exchangeUnits(highRows)
      .filter((u) => u.date <= asOf.latest)
      .map((u) => u.key);
    const claimText = `${c.qualifier === 'exact' ? '' : `${c.qualifier.replace('_', ' ')} `}${fmt(c.value)}`;
    const recordsText = `${high.lowerBound ? 'at least ' : ''}${fmt(recordsValue)}${low.value !== high.value ? ` (${fmt(low.value)}–${fmt(high.value)} over the span of ${c.asOf})` : ''}`;
    out.push({
      kind: c.periodStart ? 'period_claim' : 'cumulative_claim',
      severity: 'disagreement',
      message: `Claim ${c.id}${c.who ? ` (${c.who})` : ''}: ${c.metric} ${claimText} ${span}; the records give ${recordsText}. ${over ? `The records exceed the claim by ${fmt(recordsValue - c.value)}: the claim may count differently (see its description) or a record may be wrong.` : `The records fall short by ${fmt(c.value - recordsValue)}: exchanges may be missing from the records, or the claim may count differently.`}`,
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
    });
  }
  return out;
}
