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
  cause: z
    .object({ metric: z.string(), direction: z.enum(['short', 'over', 'between']) })
    .optional(),
});

/** Findings that share one cause (one gap between claims and records, or one rule). */
export const FindingGroup = z.object({
  cause: z.string(),
  kind: z.string(),
  title: z.string(),
  count: z.number().int(),
  newest: z.string().nullable(),
  /** Newest first. */
  findings: z.array(Finding),
});

export const CheckReport = z.object({
  tolerance: z.number(),
  exchangesChecked: z.number().int(),
  claimsChecked: z.number().int(),
  /** Every finding in the order of the rules; kept for clients that read the flat list. */
  findings: z.array(Finding),
  /** The same findings by cause, the largest group and the newest first. */
  groups: z.array(FindingGroup),
});
