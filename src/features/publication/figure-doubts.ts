import {
  STALE_AFTER_DAYS,
  type Disagreement,
  type OfficialRange,
} from '../../../contract/publication.js';
import { partialDateFromText } from '../../core/partial-date.js';
import type { Claim } from '../claims/index.js';
import type { z } from 'zod';

type DisagreementOf = z.infer<typeof Disagreement>;
type Range = z.infer<typeof OfficialRange>;

const DAY_MS = 86_400_000;
/** Figures of people held a year older than the newest are no longer "the latest". */
const RANGE_WINDOW_DAYS = 365;

/** The last day a partial date ("2025-11", "2025") may mean. */
const lastDay = (date: string): string => partialDateFromText(date).latest;

const daysFrom = (from: string, to: string): number =>
  Math.floor((Date.parse(to) - Date.parse(lastDay(from))) / DAY_MS);

/** A card's newest figure is older than STALE_AFTER_DAYS on the day the page shows. */
export const isStale = (newest: string | null, asOf: string): boolean =>
  newest !== null && daysFrom(newest, asOf) > STALE_AFTER_DAYS;

const byDateDesc = (a: Claim, b: Claim): number =>
  lastDay(b.asOf).localeCompare(lastDay(a.asOf)) || b.id.localeCompare(a.id);

/** Claims of a running total (not of one period), newest first. */
const cumulative = (claims: Claim[], metrics: readonly string[]): Claim[] =>
  claims.filter((c) => metrics.includes(c.metric) && c.periodStart === null).sort(byDateDesc);

/**
 * The newest running total another party published for what a card counts, when it says
 * something other than the card: its known disagreement, in one line.
 */
export function disagreement(
  claims: Claim[],
  metrics: readonly string[],
  ours: number | null,
): DisagreementOf | null {
  const c = cumulative(claims, metrics)[0];
  if (!c || (ours !== null && c.value === ours && c.qualifier === 'exact')) return null;
  return {
    value: c.value,
    qualifier: c.qualifier,
    asOf: c.asOf,
    who: c.who,
    description: c.description,
  };
}

/**
 * The latest published figures of one group of people held: every party's newest figure
 * within a year of the newest one, as a range, with who said each and when.
 */
export function officialRange(claims: Claim[], metric: string, asOf: string): Range | null {
  const all = cumulative(claims, [metric]);
  const newest = all[0];
  if (!newest) return null;
  const seen = new Set<string>();
  const figures = all.filter((c) => {
    if (daysFrom(c.asOf, lastDay(newest.asOf)) > RANGE_WINDOW_DAYS) return false;
    const who = c.who ?? c.id;
    if (seen.has(who)) return false;
    seen.add(who);
    return true;
  });
  const values = figures.map((c) => c.value);
  return {
    low: Math.min(...values),
    high: Math.max(...values),
    figures: figures.map((c) => ({
      value: c.value,
      qualifier: c.qualifier,
      asOf: c.asOf,
      who: c.who,
    })),
    stale: isStale(newest.asOf, asOf),
  };
}
