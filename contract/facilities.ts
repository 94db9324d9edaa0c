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
  held: z.string(),
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
