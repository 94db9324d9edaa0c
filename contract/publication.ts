import { z } from 'zod';
import { IsoDay, SourceRef } from './common.js';
import { CaptivityCaveatCode } from './estimates.js';

/**
 * What the public dashboard reads: aggregates only. Every count derived from person records
 * is a PublicCount: below the threshold (zero included, once anyone is counted) shown as
 * "<N", larger counts rounded, and some withheld so that no hidden count can be worked out
 * by subtraction (docs/protection.md); no names, birth dates, contacts, record ids or free text.
 */
export const PublicCount = z.discriminatedUnion('suppressed', [
  z.object({
    value: z.number().int(),
    suppressed: z.literal(false),
    roundedTo: z
      .number()
      .int()
      .optional()
      .describe('the value is rounded to the nearest multiple of this; absent: exact'),
  }),
  z.object({
    value: z.null(),
    suppressed: z.literal(true),
    below: z
      .number()
      .int()
      .nullable()
      .describe('the count is below this; null: withheld so that others cannot be subtracted'),
  }),
]);
export type PublicCount = z.infer<typeof PublicCount>;

/** How a figure is made: the web explains each id in the reader's language. */
export const MethodId = z.enum([
  'exchange-count',
  'bodies-count',
  'captivity-estimate',
  'whereabouts',
  'published-figures',
  'priority-groups',
]);

/**
 * The figure a card sets against its own, in one line: the latest cumulative figure another
 * party published, with who said it, when, and what it covers (as the source words it).
 */
export const Disagreement = z.object({
  value: z.number(),
  qualifier: z.string(),
  asOf: z.string(),
  who: z.string().nullable(),
  description: z.string().nullable(),
});

export const HeadlineFigure = z.object({
  value: z.number().int(),
  /** True when some counted event gave no number or only "more than N": the truth is higher. */
  lowerBound: z.boolean(),
  asOf: IsoDay.nullable().describe('the latest event counted'),
  sources: z.array(SourceRef),
  method: MethodId,
  /** The newest figure counted is older than STALE_AFTER_DAYS before the summary's day. */
  stale: z.boolean(),
  disagreement: Disagreement.nullable(),
});

/** A card warns that its figure is old past this many days. */
export const STALE_AFTER_DAYS = 90;

/**
 * The facts an analyst froze with a published estimate. Who published it stays in the
 * workspace and the audit log: a documenter's name on a public page could put them at risk.
 */
export const PublishedFacts = z.object({
  id: z.string(),
  publishedAt: z.string(),
  dataVersion: z.string(),
  /** The source lists the multiple systems estimate compared. */
  lists: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
  population: z.object({ seenHeld: PublicCount, persons: PublicCount }),
});

/** The latest published figures of people held, for one group, as a range with who and when. */
export const OfficialRange = z.object({
  low: z.number(),
  high: z.number(),
  figures: z.array(
    z.object({
      value: z.number(),
      qualifier: z.string(),
      asOf: z.string(),
      who: z.string().nullable(),
    }),
  ),
  stale: z.boolean(),
});

export const EstimateFigure = z.object({
  basis: z
    .enum(['persons', 'records', 'none'])
    .describe('none: no person records are loaded, so there is no estimate'),
  value: PublicCount.nullable(),
  ci95: z.tuple([z.number().int().nullable(), z.number().int().nullable()]).nullable(),
  method: z.enum(['mse', 'lcmcr', 'seen_only']).nullable(),
  asOf: IsoDay,
  inputs: z.object({
    /** Persons (or unlinked records) seen held as of the date; null: nothing published. */
    seenHeld: PublicCount.nullable(),
    /** Source lists the multiple systems estimate compared. */
    lists: z.number().int(),
  }),
  caveats: z.array(CaptivityCaveatCode),
  methodId: MethodId,
  /** The published estimate shown; null: Polon's own estimate is not published yet. */
  published: PublishedFacts.nullable(),
  /** Until one is published, the card shows the latest published figures instead. */
  official: z.object({ pow: OfficialRange.nullable(), civilians: OfficialRange.nullable() }),
  stale: z.boolean(),
  disagreement: Disagreement.nullable(),
});

export const WhereaboutsFigure = z.object({
  basis: z.enum(['persons', 'records', 'none']),
  known: PublicCount.nullable().describe('held, with a facility reported within the window'),
  lastKnown: PublicCount.nullable().describe('held, with an older last known facility'),
  unknown: PublicCount.nullable(),
  windowDays: z.number().int(),
  asOf: IsoDay,
  method: MethodId,
});

export const PublishedFigure = z.object({
  metric: z.enum(['held_pow', 'held_civilians', 'held_total']),
  value: z.number(),
  qualifier: z.string(),
  asOf: z.string().describe('a day, a month or a year'),
  who: z.string().nullable(),
  sources: z.array(SourceRef),
});

export const TimelinePoint = z.object({
  date: IsoDay,
  returned: z.number().int(),
  lowerBound: z.boolean(),
  cumulative: z.number().int(),
  military: z.number().int().nullable(),
  civilians: z.number().int().nullable(),
  men: z.number().int().nullable(),
  women: z.number().int().nullable(),
});

export const PRIORITY_GROUPS = [
  'women',
  'civilians',
  'seriouslyIllOrWounded',
  'age60plus',
  'disability',
  'civiliansSince2014',
] as const;

export const PriorityGroup = z.object({
  group: z.enum(PRIORITY_GROUPS),
  /** Returned in exchanges whose sources state this group; null: no source states it. */
  released: z.object({ value: z.number().int(), exchangesStating: z.number().int() }).nullable(),
  /** Persons known held, from the published estimate; null: see `heldMissing`. */
  held: PublicCount.nullable(),
  /** Why `held` is null: no estimate is published, or no record states the trait. */
  heldMissing: z.enum(['not_published', 'not_recorded']).nullable(),
});
export type PriorityGroup = z.infer<typeof PriorityGroup>;

export const PublicSummary = z.object({
  asOf: IsoDay,
  /** The database holds records of synthetic (test) sources: every public page says so. */
  syntheticData: z.boolean(),
  smallCountThreshold: z.number().int(),
  headline: z.object({
    returned: HeadlineFigure,
    exchanges: HeadlineFigure,
    bodiesReturned: HeadlineFigure,
    estimatedHeld: EstimateFigure,
    whereabouts: WhereaboutsFigure,
  }),
  publishedHeld: z.array(PublishedFigure),
  timeline: z.array(TimelinePoint),
  priorityGroups: z.array(PriorityGroup),
});
export type PublicSummary = z.infer<typeof PublicSummary>;

export const PublicFacility = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameUk: z.string().nullable(),
  nameRu: z.string().nullable(),
  /**
   * Languages whose name above no source gives: built from the type, number and settlement
   * ("СІЗО-2 Таганріг"), to be shown as such.
   */
  constructedNames: z.array(z.enum(['uk', 'ru'])),
  aliases: z.array(z.string()),
  type: z.string(),
  territory: z.enum(['RU', 'UA-occupied', 'BY']),
  region: z.string().nullable(),
  /** The region's name in Ukrainian and in Russian, where Polon knows its ISO code. */
  regionUk: z.string().nullable(),
  regionRu: z.string().nullable(),
  regionCode: z.string().nullable(),
  settlement: z.string().nullable(),
  /** The settlement's name in Ukrainian and in Russian, where Polon knows the town. */
  settlementUk: z.string().nullable(),
  settlementRu: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  coordPrecision: z.string().nullable(),
  held: z.string(),
  status: z.string(),
  sources: z.array(SourceRef),
  /**
   * From the published estimate: identified there, last known there, and the estimate held
   * there (null when it would be 0). Null: nothing published, or no one known there.
   */
  counts: z
    .object({ identified: PublicCount, lastKnown: PublicCount, estimate: PublicCount.nullable() })
    .nullable(),
});
export type PublicFacility = z.infer<typeof PublicFacility>;

/** Per region (ISO code) of the facilities above: the sums of their counts, protected with them. */
export const PublicRegionCounts = z.object({
  regionCode: z.string(),
  identified: PublicCount,
  lastKnown: PublicCount,
});
export type PublicRegionCounts = z.infer<typeof PublicRegionCounts>;

export const PublicFacilities = z.object({
  asOf: IsoDay,
  facilities: z.array(PublicFacility),
  /** Empty when no person records are loaded. */
  regions: z.array(PublicRegionCounts).optional(),
});
export type PublicFacilities = z.infer<typeof PublicFacilities>;

/** An estimate as published, for the analysts (who published it, and their note). */
export const PublishedEstimate = z.object({
  id: z.string(),
  asOf: IsoDay,
  publishedAt: z.string(),
  publishedBy: z.string(),
  note: z.string(),
  dataVersion: z.string(),
  basis: z.enum(['persons', 'records', 'none']),
  method: z.enum(['mse', 'seen_only']).nullable(),
  value: z.number().int().nullable(),
  ci95: z.tuple([z.number().int().nullable(), z.number().int().nullable()]).nullable(),
  lists: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
  population: z.object({
    seenHeld: z.number().int(),
    persons: z.number().int(),
    sources: z.number().int(),
    syntheticRecordsLeftOut: z.number().int(),
  }),
});
export type PublishedEstimate = z.infer<typeof PublishedEstimate>;

export const PublishEstimateRequest = z.object({
  asOf: IsoDay.optional(),
  note: z
    .string()
    .trim()
    .min(1, 'say in a note what was reviewed before publishing')
    .max(2000, 'keep the note under 2,000 characters'),
});
