import { z } from 'zod';

/**
 * Person records and what is known of them. These routes serve personal data: they need a
 * logged-in account (documenter or above) and every read is audited.
 */
const DateText = z
  .string()
  .max(40)
  .describe('YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or YYYY; ~ for "about"');

export const PersonRecordFields = z.object({
  familyName: z.string().max(200).nullable().optional(),
  givenName: z.string().max(200).nullable().optional(),
  patronymic: z.string().max(200).nullable().optional(),
  fullName: z.string().max(400).nullable().optional(),
  birthDate: DateText.nullable().optional(),
  sex: z.enum(['male', 'female']).nullable().optional(),
  category: z.enum(['military', 'civilian']).nullable().optional(),
  unit: z.string().max(200).nullable().optional(),
  branch: z.string().max(200).nullable().optional(),
  rank: z.string().max(100).nullable().optional(),
  captureDate: DateText.nullable().optional(),
  capturePlace: z.string().max(400).nullable().optional(),
  relativesContact: z.string().max(400).nullable().optional(),
  notes: z.string().max(20_000).nullable().optional(),
  seriouslyIllOrWounded: z.boolean().nullable().optional(),
  disability: z.boolean().nullable().optional(),
  politicalPrisonerPre2022: z.boolean().nullable().optional(),
});

export const NewPersonRecord = PersonRecordFields.extend({
  source: z.string().min(1).max(128),
  sourceRecordId: z.string().min(1).max(200),
});

export const PersonRecord = z.object({
  id: z.string(),
  source: z.string(),
  sourceRecordId: z.string(),
  personId: z.string().nullable(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  fullName: z.string().nullable(),
  nameScript: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthPrecision: z.string().nullable(),
  sex: z.string().nullable(),
  category: z.string().nullable(),
  unit: z.string().nullable(),
  branch: z.string().nullable(),
  rank: z.string().nullable(),
  captureDate: z.string().nullable(),
  capturePlace: z.string().nullable(),
  relativesContact: z.string().nullable(),
  notes: z.string().nullable(),
  seriouslyIllOrWounded: z.boolean().nullable(),
  disability: z.boolean().nullable(),
  politicalPrisonerPre2022: z.boolean().nullable(),
  updatedAt: z.string(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const PersonEvent = z.object({
  id: z.string(),
  recordId: z.string(),
  kind: z.string(),
  date: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  facilityId: z.string().nullable(),
  facilityText: z.string().nullable(),
  exchangeId: z.string().nullable(),
  court: z.string().nullable(),
  article: z.string().nullable(),
  termMonths: z.number().int().nullable(),
  place: z.string().nullable(),
  notes: z.string().nullable(),
});

export const Episode = z.object({
  id: z.string(),
  recordId: z.string(),
  facilityId: z.string().nullable(),
  facilityText: z.string().nullable(),
  facilityScore: z.number().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  cell: z.string().nullable(),
  notes: z.string().nullable(),
});

export const OccupancyReport = z.object({
  id: z.string(),
  source: z.string(),
  recordId: z.string().nullable(),
  facilityId: z.string().nullable(),
  facilityText: z.string().nullable(),
  date: z.string(),
  count: z.number().int(),
  countQualifier: z.string(),
  scope: z.string(),
  notes: z.string().nullable(),
});

export const Page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A record's name as its source wrote it: what a workspace search shows (never public). */
export const RecordName = z.object({
  id: z.string(),
  source: z.string(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  fullName: z.string().nullable(),
  birthDate: z.string().nullable(),
});
export type RecordName = z.infer<typeof RecordName>;

export const PersonSearchHit = z.object({
  id: z
    .string()
    .describe('the person id, or the record id of a record linked to no person (a person of one)'),
  personId: z.string().nullable(),
  records: z.array(RecordName),
});
export type PersonSearchHit = z.infer<typeof PersonSearchHit>;

export const PersonSearchResult = z.object({
  items: z.array(PersonSearchHit),
  total: z.number().int().describe('persons found, of which the first `limit` are listed'),
});
export type PersonSearchResult = z.infer<typeof PersonSearchResult>;

export const PlaceOnMap = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameUk: z.string().nullable(),
  nameRu: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type PlaceOnMap = z.infer<typeof PlaceOnMap>;

/** One step of a person's timeline: an event, or the start of a detention episode. */
export const TimelineEntry = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('event'),
    date: z.string().nullable(),
    sortDate: z.string().nullable(),
    event: PersonEvent,
    facility: PlaceOnMap.nullable(),
  }),
  z.object({
    type: z.literal('episode'),
    date: z.string().nullable(),
    sortDate: z.string().nullable(),
    episode: Episode,
    facility: PlaceOnMap.nullable(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A step of the timeline named in a conflict, with the source that states it. */
export const ConflictStep = z.object({
  type: z.enum(['event', 'episode']),
  id: z.string(),
  recordId: z.string(),
  source: z.string(),
  kind: z.string().describe('the event kind, or `held` for a detention episode'),
  date: z.string().nullable(),
});
export type ConflictStep = z.infer<typeof ConflictStep>;

/** What the person's sources say that cannot all be true: a wrong link or a wrong record. */
export const EventConflict = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('death_dates'),
    deaths: z.array(ConflictStep).describe('every dated death report, earliest first'),
  }),
  z.object({
    kind: z.literal('after_death'),
    step: ConflictStep,
    date: z.string().nullable().describe('the date that falls after the death'),
    death: ConflictStep.describe('the earliest death report'),
  }),
]);
export type EventConflict = z.infer<typeof EventConflict>;

export const PersonProfile = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  records: z.array(PersonRecord),
  timeline: z.array(TimelineEntry),
  facilities: z.array(PlaceOnMap).describe('the places of the episodes and events, for a map'),
  conflicts: z
    .array(EventConflict)
    .describe('several death dates, or held or moved after a death: check the links and sources'),
});
export type PersonProfile = z.infer<typeof PersonProfile>;
