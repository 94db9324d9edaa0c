import { z } from 'zod';

const SOURCE_ID = /^[a-z0-9][a-z0-9._:-]{0,127}$/i;

/** A registered source: a list, register, hotline, report or testimony collection. */
export const Source = z.object({
  id: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  kind: z.string().nullable(),
  /** Admiralty reliability A (reliable) … F (cannot be judged). */
  reliability: z.string(),
  /** Admiralty credibility 1 (confirmed) … 6 (cannot be judged). */
  credibility: z.number().int(),
  notes: z.string().nullable(),
  /** Made-up test data (`polon synth`, `--synthetic`): its records never count in public. */
  synthetic: z.boolean(),
  /** Person records imported from it. */
  records: z.number().int(),
});

export const SourceList = z.object({ sources: z.array(Source) });

/** A name shown in pages: no markup (< >) and no control characters (issue 16). */
const PLAIN = /^[^<>\p{Cc}]*$/u;

export const NewSource = z.object({
  id: z
    .string()
    .trim()
    .regex(SOURCE_ID, 'use only letters, digits and - _ . : (at most 128), no spaces'),
  title: z
    .string()
    .trim()
    .min(1, 'give the source a title people will recognise')
    .max(500)
    .regex(PLAIN, 'write the title as plain text: remove < and >, tabs and line breaks'),
  url: z.url({ message: 'give a full address starting with https://' }).max(2000).optional(),
  publisher: z
    .string()
    .trim()
    .max(500)
    .regex(PLAIN, 'write the publisher as plain text: remove < and >, tabs and line breaks')
    .optional(),
  kind: z.string().trim().max(100).optional(),
  reliability: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-F]$/, 'grade the reliability A (reliable) to F (cannot be judged)')
    .default('F'),
  credibility: z.coerce
    .number()
    .int()
    .min(1, 'grade the credibility 1 (confirmed) to 6 (cannot be judged)')
    .max(6, 'grade the credibility 1 (confirmed) to 6 (cannot be judged)')
    .default(6),
  notes: z.string().trim().max(5000).optional(),
  synthetic: z.boolean().optional(),
});

export type Source = z.infer<typeof Source>;
export type SourceList = z.infer<typeof SourceList>;
/** A new source as a client sends it: the grading may be left out (F6, cannot be judged). */
export type NewSourceInput = z.input<typeof NewSource>;
