import { z } from 'zod';
import { IsoDay, SourceRef } from './common.js';
import { CaptivityCaveatCode } from './estimates.js';

/**
 * What the public dashboard reads: aggregates only. Every count derived from person records
 * is a PublicCount (1 to threshold − 1 shown as "<N"); no names, birth dates, contacts,
 * record ids or free text.
 */
export const PublicCount = z.discriminatedUnion('suppressed', [
  z.object({ value: z.number().int(), suppressed: z.literal(false) }),
  z.object({ value: z.null(), suppressed: z.literal(true), below: z.number().int() }),
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

export const HeadlineFigure = z.object({
  value: z.number().int(),
  /** True when some counted event gave no number or only "more than N": the truth is higher. */
  lowerBound: z.boolean(),
  asOf: IsoDay.nullable().describe('the latest event counted'),
  sources: z.array(SourceRef),
  method: MethodId,
});

export const EstimateFigure = z.object({
  basis: z
    .enum(['persons', 'records', 'none'])
    .describe('none: no person records are loaded, so there is no estimate'),
  value: PublicCount.nullable(),
  ci95: z.tuple([z.number().int().nullable(), z.number().int().nullable()]).nullable(),
  method: z.enum(['mse', 'seen_only']).nullable(),
  asOf: IsoDay,
  inputs: z.object({
    /** Persons (or unlinked records) seen held as of the date. */
    seenHeld: PublicCount,
    /** Source lists the multiple systems estimate compared. */
    lists: z.number().int(),
  }),
  caveats: z.array(CaptivityCaveatCode),
  methodId: MethodId,
});

export const WhereaboutsFigure = z.object({
  basis: z.enum(['persons', 'records', 'none']),
  known: PublicCount.describe('held, with a facility reported within the window'),
  lastKnown: PublicCount.describe('held, with an older last known facility'),
  unknown: PublicCount,
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
  /** Persons in the records known to be held now; null: no person records are loaded. */
  held: PublicCount.nullable(),
});
export type PriorityGroup = z.infer<typeof PriorityGroup>;

export const PublicSummary = z.object({
  asOf: IsoDay,
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
  /** From person records: identified there, last known there, and the estimate held there. */
  counts: z
    .object({ identified: PublicCount, lastKnown: PublicCount, estimate: PublicCount })
    .nullable(),
});
export type PublicFacility = z.infer<typeof PublicFacility>;

export const PublicFacilities = z.object({
  asOf: IsoDay,
  facilities: z.array(PublicFacility),
});
export type PublicFacilities = z.infer<typeof PublicFacilities>;
