import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types as the application sees them. Dates are ISO text (`YYYY-MM-DD`, or `YYYY-MM`
 * and `YYYY` where a source gave no more) so both dialects store and compare them alike;
 * `*_from` / `*_to` hold the earliest and latest day a partial date may mean.
 */
export interface SourcesTable {
  id: string;
  title: string | null;
  url: string | null;
  publisher: string | null;
  kind: string | null;
  /** Admiralty code: reliability of the source A (reliable) … F (cannot be judged). */
  reliability: string;
  /** Admiralty code: credibility of the information 1 (confirmed) … 6 (cannot be judged). */
  credibility: number;
  notes: string | null;
  updated_at: string;
  /** 1: made up for tests (`polon synth`, `--synthetic`); its records never count in public. */
  synthetic: Generated<number>;
}

export interface ExchangesTable {
  id: string;
  kind: string;
  group_id: string | null;
  agreement: string | null;
  date_start: string;
  date_end: string | null;
  date_from: string;
  date_to: string;
  returned: number | null;
  returned_qualifier: string;
  military: number | null;
  civilians: number | null;
  men: number | null;
  women: number | null;
  seriously_ill_or_wounded: number | null;
  released_without_exchange: number | null;
  bodies_returned: number | null;
  mediator: string | null;
  notes: string | null;
  updated_at: string;
}

export interface ClaimsTable {
  id: string;
  metric: string;
  value: number;
  unit: string;
  qualifier: string;
  period_start: string | null;
  as_of: string;
  as_of_from: string;
  as_of_to: string;
  scope: string | null;
  description: string | null;
  who: string | null;
  notes: string | null;
  updated_at: string;
}

export interface FacilitiesTable {
  id: string;
  name_en: string;
  name_uk: string | null;
  name_ru: string | null;
  type: string;
  type_as_reported: string | null;
  territory: string;
  region: string | null;
  region_code: string | null;
  settlement: string | null;
  lat: number | null;
  lon: number | null;
  coord_precision: string | null;
  coord_source: string | null;
  held: string;
  status: string;
  certainty: string;
  notes: string | null;
  operator: string;
  updated_at: string;
}

export interface FacilityAliasesTable {
  facility_id: string;
  alias: string;
  lang: string | null;
}

export interface CitationTable {
  source_id: string;
  position: number;
  note: string | null;
}
export interface ExchangeSourcesTable extends CitationTable {
  exchange_id: string;
}
export interface ClaimSourcesTable extends CitationTable {
  claim_id: string;
}
export interface FacilitySourcesTable extends CitationTable {
  facility_id: string;
}

export interface ImportsTable {
  id: string;
  kind: string;
  file_name: string;
  file_sha256: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  actor: string;
  at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON with ids and counts only, never personal data. */
  details: string;
  prev_hash: string;
  hash: string;
  /** HMAC of seq and hash under POLON_AUDIT_KEY; null when written without the key. */
  mac: string | null;
}

/** One row, once ids are keyed: a check value of POLON_ID_KEY (an HMAC), never the key. */
export interface IdKeyTable {
  id: number;
  key_check: string;
}

/** One row: what the audit log should hold, so that cutting it short shows. */
export interface AuditMetaTable {
  id: number;
  /** Rows ever written. */
  rows: number;
  /** The highest seq ever written and its hash. */
  head_seq: number;
  head_hash: string;
  first_at: string;
  /** Gaps in seq at or below this were there before the log was sealed (PG rollbacks). */
  gaps_from: number;
  /** HMAC of rows, head_seq and head_hash under POLON_AUDIT_KEY. */
  mac: string | null;
}

export interface PersonsTable {
  id: string;
  created_at: string;
  updated_at: string;
}

/** What one source says about one person. Personal columns: see PERSONAL_COLUMNS. */
export interface RecordsTable {
  id: string;
  source_id: string;
  source_record_id: string;
  person_id: string | null;
  family_name: string | null;
  given_name: string | null;
  patronymic: string | null;
  full_name: string | null;
  name_script: string | null;
  birth_date: string | null;
  birth_precision: string | null;
  birth_from: string | null;
  birth_to: string | null;
  sex: string | null;
  category: string | null;
  unit: string | null;
  branch: string | null;
  rank: string | null;
  capture_date: string | null;
  capture_from: string | null;
  capture_to: string | null;
  capture_place: string | null;
  relatives_contact: string | null;
  notes: string | null;
  seriously_ill_or_wounded: number | null;
  disability: number | null;
  political_prisoner_pre2022: number | null;
  /** Place of detention as the source wrote it (a flat sheet's "Місце утримання"). */
  held_place: string | null;
  held_from: string | null;
  held_to: string | null;
  release_date: string | null;
  /** The exchange the source names for the release, as written. */
  release_exchange: string | null;
  death_date: string | null;
  missing_date: string | null;
  /** A status cell read as an event kind: missing, captured, released, died_in_captivity. */
  status: string | null;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  record_id: string;
  kind: string;
  date: string | null;
  date_from: string | null;
  date_to: string | null;
  confirmed_by: string | null;
  facility_id: string | null;
  facility_text: string | null;
  exchange_id: string | null;
  court: string | null;
  article: string | null;
  term_months: number | null;
  place: string | null;
  notes: string | null;
  updated_at: string;
}

export interface EpisodesTable {
  id: string;
  record_id: string;
  facility_id: string | null;
  facility_text: string | null;
  facility_score: number | null;
  start_date: string | null;
  start_from: string | null;
  start_to: string | null;
  end_date: string | null;
  end_from: string | null;
  end_to: string | null;
  cell: string | null;
  notes: string | null;
  updated_at: string;
}

export interface OccupancyReportsTable {
  id: string;
  source_id: string;
  record_id: string | null;
  facility_id: string | null;
  facility_text: string | null;
  facility_score: number | null;
  date: string;
  date_from: string;
  date_to: string;
  count: number;
  count_qualifier: string;
  scope: string;
  notes: string | null;
  updated_at: string;
}

export interface AccountsTable {
  id: string;
  username: string;
  role: string;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  /** Base32 TOTP secret of an account with a second factor; never logged or served. */
  totp_secret: string | null;
  /** The last 30-second step a code was accepted for: a code works once. */
  totp_last_step: number | null;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface FacilityMergesTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  /** JSON: the merged facility row, its aliases and its citations as they were. */
  snapshot: string;
  /** JSON: ids of episodes, events and occupancy reports moved; aliases and sources added. */
  moved: string;
  reason: string;
  actor: string;
  at: string;
  undone_at: string | null;
}

export interface ReviewPairsTable {
  a_record_id: string;
  b_record_id: string;
  probability: number;
  reason: string;
  /** JSON: the comparison level of each field (exact, equivalent, different, missing…). */
  levels: string;
  /** Doubt times effect on the estimate (features/linkage/review-priority.ts); null before a run computed it. */
  priority: Generated<number | null>;
  created_at: string;
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** An estimate an analyst published: the only person-derived figures public pages show. */
export interface PublishedEstimatesTable {
  id: string;
  as_of: string;
  published_at: string;
  published_by: string;
  note: string;
  data_version: string;
  basis: string;
  method: string | null;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** JSON: [{ id, title }] of the lists the estimate compared. */
  lists: string;
  /** JSON: the population the figure covers (counts). */
  population: string;
  /** JSON: the frozen person-derived aggregates (counts only). */
  aggregates: string;
}

export interface Database {
  sources: SourcesTable;
  exchanges: ExchangesTable;
  claims: ClaimsTable;
  facilities: FacilitiesTable;
  facility_aliases: FacilityAliasesTable;
  exchange_sources: ExchangeSourcesTable;
  claim_sources: ClaimSourcesTable;
  facility_sources: FacilitySourcesTable;
  imports: ImportsTable;
  audit_log: AuditLogTable;
  audit_meta: AuditMetaTable;
  id_key: IdKeyTable;
  persons: PersonsTable;
  records: RecordsTable;
  events: EventsTable;
  episodes: EpisodesTable;
  occupancy_reports: OccupancyReportsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  facility_merges: FacilityMergesTable;
  review_pairs: ReviewPairsTable;
  published_estimates: PublishedEstimatesTable;
}

export type SourceRow = Selectable<SourcesTable>;
export type ExchangeRow = Selectable<ExchangesTable>;
export type NewExchange = Insertable<ExchangesTable>;
export type ClaimRow = Selectable<ClaimsTable>;
export type FacilityRow = Selectable<FacilitiesTable>;
