import { FORM_RETURNED_QUALIFIERS } from '../../../contract/evidence.js';
/** Kinds of return events, as METHODS.md counts them. */
export const EXCHANGE_KINDS = ['exchange', 'stage', 'group_total', 'local_swap', 'bodies'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

// One list for the importer and the workspace form: the form (web) can read only the contract.
export const RETURNED_QUALIFIERS = FORM_RETURNED_QUALIFIERS;
export type ReturnedQualifier = (typeof RETURNED_QUALIFIERS)[number];

/** The breakdowns a source may give of the people returned. */
export const BREAKDOWNS = [
  'military',
  'civilians',
  'men',
  'women',
  'seriouslyIllOrWounded',
  'releasedWithoutExchange',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** A return event as the engines see it: plain data, no database. */
export interface Exchange {
  id: string;
  kind: ExchangeKind;
  groupId: string | null;
  agreement: string | null;
  dateStart: string;
  dateEnd: string | null;
  /** Earliest day the event may have begun. */
  dateFrom: string;
  /** Latest day the event may have ended. */
  dateTo: string;
  returned: number | null;
  returnedQualifier: ReturnedQualifier;
  military: number | null;
  civilians: number | null;
  men: number | null;
  women: number | null;
  seriouslyIllOrWounded: number | null;
  releasedWithoutExchange: number | null;
  bodiesReturned: number | null;
  mediator: string | null;
  notes: string | null;
  sources: { id: string; title: string | null; url: string | null }[];
}

/** Counted in the official numbering of exchanges (a staged exchange counts once). */
export const isNumberedKind = (k: ExchangeKind): boolean =>
  k === 'exchange' || k === 'stage' || k === 'group_total';
