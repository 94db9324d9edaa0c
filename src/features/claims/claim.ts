export const CLAIM_QUALIFIERS = ['exact', 'approx', 'more_than', 'at_least'] as const;
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number];

export const CLAIM_UNITS = ['people', 'exchanges', 'bodies', 'facilities', 'share'] as const;
export type ClaimUnit = (typeof CLAIM_UNITS)[number];

/** Metrics the consistency checks understand; others are kept and shown, not compared. */
export const KNOWN_METRICS = [
  'exchanges_held',
  'returned',
  'returned_military',
  'returned_civilians',
  'returned_men',
  'returned_women',
  'returned_men_military',
  'returned_men_civilians',
  'returned_women_military',
  'returned_women_civilians',
  'returned_outside_exchanges',
  'returned_without_exchange',
  'bodies_returned',
  'held_pow',
  'held_civilians',
  'held_total',
  'missing',
  'missing_wanted',
  'missing_registered',
  'missing_registered_ever',
  'missing_mia',
  'missing_or_captured',
  'missing_military',
  'facilities_known',
  'facilities_known_russia',
  'facilities_known_occupied',
  'other',
] as const;

/** An official or published figure: (metric, value, qualifier, period, source). */
export interface Claim {
  id: string;
  metric: string;
  value: number;
  unit: ClaimUnit;
  qualifier: ClaimQualifier;
  /** Start of the period counted; null: since 24 Feb 2022. */
  periodStart: string | null;
  asOf: string;
  description: string | null;
  who: string | null;
  notes: string | null;
  sources: { id: string; title: string | null; url: string | null }[];
}

export const FULL_SCALE_INVASION = '2022-02-24';
