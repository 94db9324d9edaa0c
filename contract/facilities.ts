import { z } from 'zod';
import { SourceRef } from './common.js';

export const Facility = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameUk: z.string().nullable(),
  nameRu: z.string().nullable(),
  aliases: z.array(z.string()),
  type: z.string(),
  typeAsReported: z.string().nullable(),
  territory: z.enum(['RU', 'UA-occupied', 'BY']),
  region: z.string().nullable(),
  regionCode: z.string().nullable(),
  settlement: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  coordPrecision: z.string().nullable(),
  coordSource: z
    .string()
    .nullable()
    .describe('where the coordinates come from, or why there are none'),
  held: z.string(),
  operator: z.string(),
  status: z.string(),
  certainty: z.string(),
  notes: z.string().nullable(),
  sources: z.array(SourceRef),
});
export type Facility = z.infer<typeof Facility>;

export const FacilityCount = z.object({
  territory: z.string(),
  regionCode: z.string().nullable(),
  type: z.string(),
  facilities: z.number().int(),
});

export const FacilityGeoJson = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.object({
        type: z.literal('Point'),
        coordinates: z.tuple([z.number(), z.number()]),
      }),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
  withoutCoordinates: z.array(z.string()).describe('facilities left off the map: no coordinates'),
});
