import { z } from 'zod';

export const OverlapTableInput = z.object({
  lists: z.array(z.string().min(1)).min(2).max(6),
  // A billion people on one history is beyond any list; larger counts overflow the fit's
  // totals and are refused before any work.
  histories: z.record(z.string(), z.number().int().min(0).max(1_000_000_000)),
});

/** A warning by a stable code and its parameters, beside the English one in `warnings`. */
export const WarningCode = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  stratum: z.string().optional(),
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
  /** `warnings` in the same order, by code (src/estimation/mse-result.ts MODEL_WARNING_CODES). */
  warningCodes: z.array(WarningCode),
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
  warningCodes: z.array(WarningCode),
});

const Interval = z.tuple([z.number().nullable(), z.number().nullable()]);

/** What limits an estimate, by a stable code (for translations) and in words. */
export const CaptivityCaveatCode = z.enum([
  'no_person_records',
  'not_linked',
  'thin_records',
  'single_source',
  'undated',
]);
export type CaptivityCaveatCode = z.infer<typeof CaptivityCaveatCode>;

/** `GET /api/estimates/captivity`: people held as of a date, seen and estimated, and where. */
export const CaptivityEstimate = z.object({
  asOf: z.string(),
  basis: z.enum(['persons', 'records', 'none']),
  caveats: z.array(z.object({ code: CaptivityCaveatCode, message: z.string() })),
  seen: z.object({
    entered: z.number().int(),
    released: z.number().int(),
    died: z.number().int(),
    held: z.number().int(),
  }),
  /** The unseen: held people no list records, from multiple systems estimation over the sources. */
  mse: z
    .object({
      lists: z.array(z.string()),
      /**
       * The list-overlap table the estimate came from (an aggregate: counts per capture
       * history), so the model table can be shown or re-fitted with POST /api/estimates/mse.
       */
      histories: z.record(z.string(), z.number().int()),
      nObserved: z.number().int(),
      model: z.array(z.string()).nullable(),
      N: z.number().nullable(),
      ci95: Interval.nullable(),
      modelSpread: z.object({ minN: z.number(), maxN: z.number() }).nullable(),
      /**
       * The estimate if every pair linkage left undecided were one person. The interval of
       * `estimatedHeld` spans both readings, so linkage's doubt is part of it.
       */
      ifUndecidedLinked: z
        .object({
          pairs: z.number().int(),
          held: z.number().int(),
          N: z.number().nullable(),
          ci95: Interval.nullable(),
        })
        .nullable(),
      warnings: z.array(z.string()),
      warningCodes: z.array(WarningCode),
    })
    .nullable(),
  /**
   * The unseen by Bayesian latent-class MSE (LCMCR), when asked for (`method=lcmcr`): the
   * posterior median and 95% interval of N, whether the chains agree, and the posterior.
   */
  lcmcr: z
    .object({
      N: z.number(),
      mean: z.number(),
      ci95: z.tuple([z.number(), z.number()]),
      diagnostics: z.object({ rhat: z.number(), ess: z.number(), converged: z.boolean() }),
      settings: z.object({
        k: z.number().int(),
        chains: z.number().int(),
        burnin: z.number().int(),
        samples: z.number().int(),
        thin: z.number().int(),
      }),
      histogram: z.array(z.object({ from: z.number(), to: z.number(), draws: z.number().int() })),
      ifUndecidedLinked: z
        .object({
          pairs: z.number().int(),
          held: z.number().int(),
          N: z.number(),
          ci95: z.tuple([z.number(), z.number()]),
        })
        .nullable(),
      warnings: z.array(z.string()),
    })
    .nullable()
    .default(null),
  estimatedHeld: z.object({
    value: z.number(),
    ci95: Interval.nullable(),
    method: z.enum(['mse', 'lcmcr', 'seen_only']),
  }),
  whereabouts: z.object({
    known: z.number().int(),
    lastKnown: z.number().int(),
    unknown: z.number().int(),
    windowDays: z.number().int(),
    gap: z.number(),
    gapCi95: Interval.nullable(),
  }),
  facilities: z.array(
    z.object({
      facilityId: z.string(),
      identified: z.number().int(),
      lastKnown: z.number().int(),
      estimate: z.number(),
      estimateBasis: z.string(),
    }),
  ),
  series: z.array(
    z.object({
      date: z.string(),
      held: z.number().int(),
      entered: z.number().int(),
      released: z.number().int(),
      died: z.number().int(),
    }),
  ),
});
export type CaptivityEstimate = z.infer<typeof CaptivityEstimate>;

/** `POST /api/estimates/lcmcr`: an overlap table and, optionally, the sampler's settings. */
export const LcmcrRequest = z.object({
  lists: z.array(z.string().min(1)).min(2).max(6),
  // A bound well above any real list, so a count cannot make the sampler's draws explode.
  histories: z.record(z.string(), z.number().int().min(0).max(10_000_000)),
  settings: z
    .object({
      k: z.number().int().min(1).max(50),
      burnin: z.number().int().min(0).max(200_000),
      samples: z.number().int().min(10).max(50_000),
      thin: z.number().int().min(1).max(100),
      chains: z.number().int().min(1).max(8),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31),
    })
    .partial()
    .default({}),
});

const PosteriorOfN = z.object({
  mean: z.number(),
  median: z.number(),
  q025: z.number(),
  q05: z.number(),
  q25: z.number(),
  q75: z.number(),
  q95: z.number(),
  q975: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
  sd: z.number(),
});

/** The LCMCR estimate: the posterior of N, how far to trust it, and how it was run. */
export const LcmcrResult = z.object({
  method: z.literal('lcmcr'),
  lists: z.array(z.string()),
  nObserved: z.number().int(),
  settings: z.object({
    k: z.number().int(),
    burnin: z.number().int(),
    samples: z.number().int(),
    thin: z.number().int(),
    aAlpha: z.number(),
    bAlpha: z.number(),
    maxUnobservedFactor: z.number(),
    chains: z.number().int(),
    seeds: z.array(z.number().int()),
  }),
  N: PosteriorOfN,
  diagnostics: z.object({ rhat: z.number(), ess: z.number(), converged: z.boolean() }),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), draws: z.number().int() })),
  classesExhaustedShare: z.number(),
  warnings: z.array(
    z.object({
      code: z.enum(['not_converged', 'bound_reached', 'classes_exhausted']),
      message: z.string(),
    }),
  ),
  secondsPerChain: z.array(z.number()),
});
export type LcmcrResult = z.infer<typeof LcmcrResult>;
