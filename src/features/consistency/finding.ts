export type FindingKind =
  | 'exchange_breakdown'
  | 'group_total'
  | 'claim_breakdown'
  | 'claims_disagree'
  | 'cumulative_claim'
  | 'period_claim'
  | 'probable_duplicate';

export interface FigureSource {
  id: string;
  title: string | null;
  url: string | null;
}

/** One number in a finding, with where it comes from. */
export interface Figure {
  /** What the number is: "claim c121: returned_men_military", "records: people returned". */
  label: string;
  value: number;
  /** exact, approx, more_than, at_least; for sums over records, at_least when some parts are unknown. */
  qualifier: string;
  /** claim, exchange, or records (a sum over recorded exchanges). */
  ref: { type: 'claim' | 'exchange' | 'records'; id?: string; ids?: string[] };
  asOf?: string;
  sources: FigureSource[];
}

export interface Finding {
  kind: FindingKind;
  /** disagreement: the figures cannot all be true; duplicate: two rows may be one event. */
  severity: 'disagreement' | 'duplicate';
  message: string;
  figures: Figure[];
  /** The gap between the two sides where it is one number (first side minus second). */
  difference: number | null;
  /**
   * For a claim checked against the records: the figure and whether the records fall short
   * of it, exceed it, or match it on no single day; findings with the same gap share a cause.
   */
  cause?: { metric: string; direction: 'short' | 'over' | 'between' };
}

export const fmt = (n: number): string => n.toLocaleString('en-GB');
