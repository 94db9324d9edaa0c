import type { Exchange } from '../exchanges/index.js';
import { exchangeUnits } from '../exchanges/index.js';
import { fmt, type Figure, type Finding } from './finding.js';
import { meets, rangeOf, sumRanges } from './qualified-range.js';

const exchangeFigure = (
  e: Exchange,
  field: string,
  value: number,
  qualifier = 'exact',
): Figure => ({
  label: `exchange ${e.id}: ${field}`,
  value,
  qualifier,
  ref: { type: 'exchange', id: e.id },
  asOf: e.dateStart,
  sources: e.sources,
});

const PAIRS: [keyof Exchange, keyof Exchange][] = [
  ['military', 'civilians'],
  ['men', 'women'],
];
const PARTS: (keyof Exchange)[] = [
  'military',
  'civilians',
  'men',
  'women',
  'seriouslyIllOrWounded',
  'releasedWithoutExchange',
];

/** A breakdown in an exchange row that does not add up to its total. */
export function exchangeBreakdownFindings(rows: Exchange[], tolerance: number): Finding[] {
  const out: Finding[] = [];
  for (const e of rows) {
    if (e.returned === null) continue;
    // A derived total was added up from the breakdown: it agrees by construction.
    const q = e.returnedQualifier === 'derived' ? 'exact' : e.returnedQualifier;
    const total = rangeOf(e.returned, q, tolerance);
    for (const [a, b] of PAIRS) {
      const va = e[a] as number | null;
      const vb = e[b] as number | null;
      if (va === null || vb === null) continue;
      const sum = va + vb;
      if (meets(total, { lo: sum, hi: sum })) continue;
      out.push({
        kind: 'exchange_breakdown',
        severity: 'disagreement',
        message: `Exchange ${e.id} (${e.dateStart}): ${String(a)} ${fmt(va)} + ${String(b)} ${fmt(vb)} = ${fmt(sum)}, but returned is ${q === 'exact' ? '' : `${q} `}${fmt(e.returned)} (difference ${fmt(sum - e.returned)}).`,
        figures: [
          exchangeFigure(e, 'returned', e.returned, q),
          exchangeFigure(e, String(a), va),
          exchangeFigure(e, String(b), vb),
        ],
        difference: sum - e.returned,
      });
    }
    for (const p of PARTS) {
      const v = e[p] as number | null;
      if (v === null || v <= total.hi) continue;
      out.push({
        kind: 'exchange_breakdown',
        severity: 'disagreement',
        message: `Exchange ${e.id} (${e.dateStart}): ${String(p)} ${fmt(v)} is more than the ${fmt(e.returned)} returned in all.`,
        figures: [exchangeFigure(e, 'returned', e.returned, q), exchangeFigure(e, String(p), v)],
        difference: v - e.returned,
      });
    }
  }
  return out;
}

/** Stages that add up to more than their group's stated total (or less than an exact one). */
export function groupTotalFindings(rows: Exchange[], tolerance: number): Finding[] {
  const out: Finding[] = [];
  for (const unit of exchangeUnits(rows)) {
    const t = unit.total;
    if (!t || t.returned === null || unit.members.length === 0) continue;
    const stated = unit.members.filter((m) => m.returned !== null);
    const unknown = unit.members.length - stated.length;
    const stages = sumRanges(
      stated.map((m) => rangeOf(m.returned ?? 0, m.returnedQualifier, tolerance)),
    );
    if (unknown > 0) stages.hi = Infinity;
    if (meets(rangeOf(t.returned, t.returnedQualifier, tolerance), stages)) continue;
    const sum = stated.reduce((s, m) => s + (m.returned ?? 0), 0);
    out.push({
      kind: 'group_total',
      severity: 'disagreement',
      message: `Exchange group ${unit.key}: its stages add up to ${fmt(sum)}, but the group total says ${t.returnedQualifier} ${fmt(t.returned)}.`,
      figures: [
        exchangeFigure(t, 'returned (group total)', t.returned, t.returnedQualifier),
        ...stated.map((m) =>
          exchangeFigure(m, 'returned (stage)', m.returned ?? 0, m.returnedQualifier),
        ),
      ],
      difference: sum - t.returned,
    });
  }
  return out;
}

const DAY = 86_400_000;
const daysBetween = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

/** Two rows that may record one event twice: same kind, dates within 3 days, same numbers or same day. */
export function duplicateFindings(rows: Exchange[]): Finding[] {
  const out: Finding[] = [];
  const sorted = [...rows].sort((a, b) => a.dateFrom.localeCompare(b.dateFrom));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (daysBetween(a.dateFrom, b.dateFrom) > 3) break;
      if (a.kind !== b.kind || a.kind === 'stage' || a.kind === 'group_total') continue;
      if (a.groupId && a.groupId === b.groupId) continue;
      const sameDay = a.dateFrom === b.dateFrom && a.dateStart === b.dateStart;
      const sameReturned = a.returned !== null && a.returned === b.returned;
      const sameBodies = a.bodiesReturned !== null && a.bodiesReturned === b.bodiesReturned;
      if (!sameDay && !sameReturned && !sameBodies) continue;
      const what = sameReturned
        ? `both returned ${fmt(a.returned ?? 0)}`
        : sameBodies
          ? `both returned ${fmt(a.bodiesReturned ?? 0)} bodies`
          : 'same day';
      out.push({
        kind: 'probable_duplicate',
        severity: 'duplicate',
        message: `Exchanges ${a.id} (${a.dateStart}) and ${b.id} (${b.dateStart}) may be one event recorded twice: ${what}. If they are one, remove one row; if not, say so in their notes.`,
        figures: [
          exchangeFigure(a, 'returned', a.returned ?? a.bodiesReturned ?? 0, a.returnedQualifier),
          exchangeFigure(b, 'returned', b.returned ?? b.bodiesReturned ?? 0, b.returnedQualifier),
        ],
        difference: null,
      });
    }
  }
  return out;
}
