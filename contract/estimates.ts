import { z } from 'zod';

export const OverlapTableInput = z.object({
  lists: z.array(z.string().min(1)).min(2).max(6),
  histories: z.record(z.string(), z.number().int().min(0)),
});

const ModelRef = z.object({ index: z.number().int(), terms: z.array(z.string()) }).nullable();

export const MseModel = z.object({
  terms: z.array(z.string()),
  deviance: z.number().nullable(),
  df: z.number().int(),
  aic: z.number().nullable(),
  bic: z.number().nullable(),
  unobserved: z.number().nullable(),
  N: z.number().nullable(),
  se: z.number().nullable(),
  ci95: z.tuple([z.number().nullable(), z.number().nullable()]).nullable(),
  warnings: z.array(z.string()),
  nParams: z.number().int(),
  status: z.string(),
  nProfileMax: z.number().nullable(),
});

export const MseResult = z.object({
  lists: z.array(z.string()),
  nObserved: z.number().int(),
  models: z.array(MseModel),
  best: z.object({ aic: ModelRef, bic: ModelRef }),
  selected: ModelRef,
  spread: z.object({ models: z.number().int(), minN: z.number(), maxN: z.number() }).nullable(),
  pairs: z.array(
    z.object({
      lists: z.tuple([z.string(), z.string()]),
      n1: z.number().int(),
      n2: z.number().int(),
      m: z.number().int(),
      lincolnPetersen: z.number().nullable(),
      chapman: z.number(),
      chapmanSe: z.number(),
    }),
  ),
  chao: z.object({
    n: z.number(),
    f1: z.number(),
    f2: z.number(),
    N: z.number().nullable(),
    NBiasCorrected: z.number(),
  }),
  search: z.object({
    maxOrder: z.number().int(),
    modelsSearched: z.number().int(),
    modelsWithEstimate: z.number().int(),
    withoutEstimate: z.record(z.string(), z.number().int()),
    criterion: z.enum(['aic', 'bic']),
    top: z.number().int(),
  }),
  warnings: z.array(z.string()),
});
