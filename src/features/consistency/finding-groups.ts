import { fmt, type Finding, type FindingKind } from './finding.js';

/** Findings that share one cause: one gap between claims and records, or one kind of rule. */
export interface FindingGroup {
  /** Stable key of the cause, e.g. "cumulative_claim:exchanges_held:short:5". */
  cause: string;
  kind: FindingKind;
  /** The cause in words, with the number of findings it explains. */
  title: string;
  count: number;
  /** The latest date among the group's figures. */
  newest: string | null;
  /** Newest first. */
  findings: Finding[];
}

const NOUNS: Record<string, string> = {
  exchanges_held: 'numbered exchanges',
  returned: 'people returned',
  returned_military: 'military returned',
  returned_civilians: 'civilians returned',
  returned_men: 'men returned',
  returned_women: 'women returned',
  returned_without_exchange: 'people released without an exchange',
  bodies_returned: 'bodies returned',
};

const RULES: Record<FindingKind, string> = {
  exchange_breakdown: 'exchange breakdowns that do not add up to their total',
  group_total: 'staged exchanges whose stages do not add up to the group total',
  claim_breakdown: 'official breakdowns that do not add up to their total',
  claims_disagree: 'sources that disagree on the same figure',
  cumulative_claim: 'official figures the records do not match',
  period_claim: 'official figures for a period the records do not match',
  probable_duplicate: 'rows that may record one event twice',
};

const newestOf = (f: Finding): string | null =>
  f.figures.reduce<string | null>((m, g) => (g.asOf && (!m || g.asOf > m) ? g.asOf : m), null);
const oldestOf = (f: Finding): string | null =>
  f.figures.reduce<string | null>((m, g) => (g.asOf && (!m || g.asOf < m) ? g.asOf : m), null);
const later = (a: string | null, b: string | null): number => (b ?? '').localeCompare(a ?? '');

/**
 * A claim that the records miss by the same number as an earlier claim of the same figure
 * most likely misses the same events: one missing exchange shows in every later official
 * count. So such findings are one cause, and a reader fixes one gap, not forty.
 */
function causeOf(f: Finding): string {
  if (!f.cause) return f.kind;
  const { metric, direction } = f.cause;
  const gap = direction === 'between' ? '' : `:${Math.abs(f.difference ?? 0)}`;
  return `${f.kind}:${metric}:${direction}${gap}`;
}

function titleOf(kind: FindingKind, sample: Finding, first: string | null, count: number): string {
  const n = `${count} finding${count === 1 ? '' : 's'}`;
  if (!sample.cause) return `${RULES[kind]}: ${n}`;
  const { metric, direction } = sample.cause;
  const noun = NOUNS[metric] ?? metric;
  const gap = fmt(Math.abs(sample.difference ?? 0));
  const period = kind === 'period_claim' ? ' (figures for a period)' : '';
  if (direction === 'short')
    return `${gap} ${noun} missing from the records${first ? ` by ${first}` : ''}${period}: ${n}`;
  if (direction === 'over')
    return `the records exceed the official ${metric} by ${gap}${period}, the figures may count differently: ${n}`;
  return `${metric}: no single day of the month or year claimed gives the official figure${period}: ${n}`;
}

/** Findings grouped by cause, the largest group first and, among equals, the newest. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const byCause = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = causeOf(f);
    byCause.set(key, [...(byCause.get(key) ?? []), f]);
  }
  const groups = [...byCause].map(([cause, members]): FindingGroup => {
    const sorted = [...members].sort((a, b) => later(newestOf(a), newestOf(b)));
    const first = members.map(oldestOf).reduce((m, d) => (d && (!m || d < m) ? d : m), null);
    const sample = sorted[0]!;
    return {
      cause,
      kind: sample.kind,
      title: titleOf(sample.kind, sample, first, members.length),
      count: members.length,
      newest: newestOf(sample),
      findings: sorted,
    };
  });
  return groups.sort((a, b) => b.count - a.count || later(a.newest, b.newest));
}
