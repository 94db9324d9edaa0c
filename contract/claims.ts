import { z } from 'zod';
import { SourceRef } from './common.js';

export const Claim = z.object({
  id: z.string(),
  metric: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: z.string(),
  periodStart: z.string().nullable(),
  asOf: z.string(),
  description: z.string().nullable(),
  who: z.string().nullable(),
  notes: z.string().nullable(),
  sources: z.array(SourceRef),
});

export const Figure = z.object({
  label: z.string(),
  value: z.number(),
  qualifier: z.string(),
  ref: z.object({
    type: z.enum(['claim', 'exchange', 'records']),
    id: z.string().optional(),
    ids: z.array(z.string()).optional(),
  }),
  asOf: z.string().optional(),
  sources: z.array(SourceRef),
});

export const Finding = z.object({
  kind: z.string(),
  severity: z.enum(['disagreement', 'duplicate']),
  message: z.string(),
  figures: z.array(Figure),
  difference: z.number().nullable(),
});

export const CheckReport = z.object({
  tolerance: z.number(),
  exchangesChecked: z.number().int(),
  claimsChecked: z.number().int(),
  findings: z.array(Finding),
});
