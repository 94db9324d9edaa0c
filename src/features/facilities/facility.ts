export const FACILITY_TYPES = [
  'sizo',
  'penal_colony',
  'prison',
  'temporary_detention',
  'police_station',
  'filtration_point',
  'camp',
  'military_unit',
  'informal_site',
  'psychiatric_hospital',
  'other',
  'unknown',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const TERRITORIES = ['RU', 'UA-occupied', 'BY'] as const;
export type Territory = (typeof TERRITORIES)[number];

export const HELD = ['pows', 'civilians', 'both', 'unknown'] as const;
export const OPERATORS = [
  'fsin',
  'fsb',
  'mod',
  'occupation_authorities',
  'police',
  'other',
  'unknown',
] as const;
export const FACILITY_STATUSES = ['active', 'closed', 'unknown'] as const;
export const CERTAINTIES = ['reported', 'uncertain'] as const;
export const COORD_PRECISIONS = ['exact', 'settlement', 'region'] as const;

export interface Facility {
  id: string;
  nameEn: string;
  nameUk: string | null;
  nameRu: string | null;
  aliases: string[];
  type: FacilityType;
  typeAsReported: string | null;
  territory: Territory;
  region: string | null;
  regionCode: string | null;
  settlement: string | null;
  lat: number | null;
  lon: number | null;
  coordPrecision: string | null;
  /** Where the coordinates come from, or why there are none ("not placed: …"). */
  coordSource: string | null;
  held: string;
  /** Who runs it: fsin, fsb, mod (Ministry of Defence), occupation_authorities, police, other, unknown. */
  operator: string;
  status: string;
  certainty: string;
  notes: string | null;
  sources: { id: string; title: string | null; url: string | null }[];
}
