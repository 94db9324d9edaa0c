import type { Claim } from '../claims/index.js';
import { fmt, type Figure, type Finding } from './finding.js';
import { meets, rangeOf, sumRanges, type Range } from './qualified-range.js';

/** Totals and the parts that must add up to them, among claims of one date and period. */
export const CLAIM_IDENTITIES: { total: string; parts: [string, string] }[] = [
  { total: 'returned', parts: ['returned_military', 'returned_civilians'] },
  { total: 'returned', parts: ['returned_men', 'returned_women'] },
  { total: 'returned_men', parts: ['returned_men_military', 'returned_men_civilians'] },
  { total: 'returned_women', parts: ['returned_women_military', 'returned_women_civilians'] },
  { total: 'returned_military', parts: ['returned_men_military', 'returned_women_military'] },
  { total: 'returned_civilians', parts: ['returned_men_civilians', 'returned_women_civilians'] },
  { total: 'facilities_known', parts: ['facilities_known_russia', 'facilities_known_occupied'] },
];

export const claimFigure = (c: Claim): Figure => ({
  label: `claim ${c.id}: ${c.metric}`,
  value: c.value,
  qualifier: c.qualifier,
  ref: { type: 'claim', id: c.id },
  asOf: c.asOf,
  sources: c.sources,
});

const describe = (c: Claim): string =>
  `${c.metric} ${c.qualifier === 'exact' ? '' : `${c.qualifier.replace('_', ' ')} `}${fmt(c.value)}`;
const periodKey = (c: Claim): string => `${c.periodStart ?? ''}…${c.asOf}`;
const periodText = (c: Claim): string =>
  c.periodStart ? `${c.periodStart} … ${c.asOf}` : `as of ${c.asOf}`;

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

/** A breakdown among claims of the same date that does not add up to its total. */
export function claimBreakdownFindings(claims: Claim[], tolerance: number): Finding[] {
  const out: Finding[] = [];
  for (const group of groupBy(claims, periodKey).values()) {
    const byMetric = groupBy(group, (c) => c.metric);
    for (const { total, parts } of CLAIM_IDENTITIES) {
      for (const t of byMetric.get(total) ?? []) {
        for (const a of byMetric.get(parts[0]) ?? []) {
          for (const b of byMetric.get(parts[1]) ?? []) {
            const sum = sumRanges([
              rangeOf(a.value, a.qualifier, tolerance),
              rangeOf(b.value, b.qualifier, tolerance),
            ]);
            if (meets(rangeOf(t.value, t.qualifier, tolerance), sum)) continue;
            const s = a.value + b.value;
            out.push({
              kind: 'claim_breakdown',
              severity: 'disagreement',
              message: `Claims ${periodText(t)} do not add up: ${describe(a)} + ${describe(b)} = ${fmt(s)}, but ${describe(t)} (difference ${fmt(t.value - s)}).`,
              figures: [claimFigure(t), claimFigure(a), claimFigure(b)],
              difference: t.value - s,
            });
          }
        }
      }
    }
  }
  return out;
}

/** Two claims of the same metric, date and period whose values cannot both be true. */
export function claimDisagreementFindings(claims: Claim[], tolerance: number): Finding[] {
  const out: Finding[] = [];
  for (const group of groupBy(claims, (c) => `${c.metric}|${periodKey(c)}`).values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (a.metric === 'other') continue;
        const ra: Range = rangeOf(a.value, a.qualifier, tolerance);
        if (meets(ra, rangeOf(b.value, b.qualifier, tolerance))) continue;
        out.push({
          kind: 'claims_disagree',
          severity: 'disagreement',
          message: `Two sources disagree on ${a.metric} ${periodText(a)}: ${describe(a)} (${a.id}${a.who ? `, ${a.who}` : ''}) against ${describe(b)} (${b.id}${b.who ? `, ${b.who}` : ''}).`,
          figures: [claimFigure(a), claimFigure(b)],
          difference: a.value - b.value,
        });
      }
    }
  }
  return out;
}
