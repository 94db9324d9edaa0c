import type { CaptivityCaveatCode, CaptivityEstimate } from '../../../contract/index.js';
import type { Kysely } from 'kysely';
import { startPhase, type OnProgress } from '../../core/progress.js';
import type { Database } from '../../db/index.js';
import {
  estimateMse,
  lcmcrInput,
  leftOn,
  enteredOn,
  mergeTimelines,
  stockFlow,
  whereabouts,
  monthEnds,
  MAX_LISTS,
  type CaptivityTimeline,
  type MseOptions,
  type MseResult,
  type OverlapTable,
} from '../../estimation/index.js';
import {
  loadOccupancy,
  loadTimelines,
  undecidedLinks,
  type TimelineSet,
} from './captivity-timelines.js';
import { runLcmcrChains } from './lcmcr-chains.js';
import { mseProgress } from './mse-progress.js';

export type { CaptivityEstimate };

/** Which estimate of the unseen `estimatedHeld` takes: log-linear models, or LCMCR too. */
export type CaptivityMethod = 'loglinear' | 'lcmcr';

/** The LCMCR estimate of an overlap table: posterior median and 95% interval of N. */
async function lcmcrOf(
  table: { lists: string[]; histories: Record<string, number> },
  onProgress: OnProgress | undefined,
) {
  const { lists, data } = lcmcrInput(table);
  return runLcmcrChains(lists, data, onProgress ? { onProgress } : {});
}

const heldOn = (t: CaptivityTimeline, day: string): boolean => {
  const entry = enteredOn(t);
  const exit = leftOn(t);
  return (entry === null || entry <= day) && !(exit && exit.day <= day);
};

/** Overlap table of the held persons across their sources, largest lists first (at most six). */
function overlap(
  held: CaptivityTimeline[],
): { lists: string[]; histories: Record<string, number> } | null {
  const size = new Map<string, number>();
  for (const t of held) for (const s of t.sources) size.set(s, (size.get(s) ?? 0) + 1);
  const lists = [...size.keys()]
    .sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || a.localeCompare(b))
    .slice(0, MAX_LISTS);
  if (lists.length < 2) return null;
  const histories: Record<string, number> = {};
  for (const t of held) {
    const key = lists.map((l) => (t.sources.includes(l) ? '1' : '0')).join('');
    if (key.includes('1')) histories[key] = (histories[key] ?? 0) + 1;
  }
  return { lists, histories };
}

type Interval = [number | null, number | null];

/** The narrowest interval holding both; an unbounded end stays unbounded. */
function envelope(a: Interval | null, b: Interval | null): Interval | null {
  if (!a || !b) return a ?? b;
  const lo = a[0] === null || b[0] === null ? null : Math.min(a[0], b[0]);
  const hi = a[1] === null || b[1] === null ? null : Math.max(a[1], b[1]);
  return [lo, hi];
}

export async function estimateCaptivity(
  db: Kysely<Database>,
  asOf: string,
  windowDays = 183,
  includeThin = false,
  /** Timelines already loaded (with the same includeThin), so a caller reading them too loads them once. */
  loaded?: TimelineSet,
  /**
   * Told how far it has got: "loading timelines" (persons), then "fitting models" (the MSE
   * search) and "refitting, undecided pairs linked" (the second search, when there is one).
   */
  onProgress?: OnProgress,
  /** The MSE search: the server hands it to a worker thread; the command line runs it here. */
  fit: (table: OverlapTable, options: MseOptions) => MseResult | Promise<MseResult> = estimateMse,
  /** `lcmcr` adds the latent-class estimate (seconds of sampling) and quotes it. */
  method: CaptivityMethod = 'loglinear',
): Promise<CaptivityEstimate> {
  const loading = loaded ? undefined : startPhase(onProgress, 'loading timelines', 'persons');
  const { timelines, basis, unlinkedRecords, thinRecords, personOf, withoutSynthetic } =
    loaded ?? (await loadTimelines(db, includeThin));
  loading?.end(timelines.length);
  const caveats: CaptivityEstimate['caveats'] = [];
  const caveat = (code: CaptivityCaveatCode, message: string): void => {
    caveats.push({ code, message });
  };
  if (timelines.length === 0)
    caveat(
      'no_person_records',
      'no person records are loaded: the estimate has no evidence (import persons, events and episodes first)',
    );
  if (basis === 'records')
    caveat(
      'not_linked',
      `records are not linked into persons yet (run \`polon link\`): each of the ${unlinkedRecords} records counts as one person, so people seen by several sources are counted several times and MSE is not meaningful`,
    );
  if (thinRecords) {
    caveat(
      'thin_records',
      `${thinRecords} records lack a full name or a birth date, too little to link reliably; they count among the seen but are left off the lists for MSE (include them with --include-thin)`,
    );
  }
  const start =
    timelines
      .map(enteredOn)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? asOf;
  const flow = stockFlow(timelines, monthEnds(start < asOf ? start : asOf, asOf));
  const last = flow.series.at(-1) ?? { entered: 0, released: 0, died: 0, held: 0 };
  if (flow.undatedEntry)
    caveat(
      'undated',
      `${flow.undatedEntry} persons have no date of capture and are counted from the start`,
    );

  const held = timelines.filter((t) => heldOn(t, asOf));
  const table = basis === 'persons' ? overlap(held) : null;
  let mse: CaptivityEstimate['mse'] = null;
  let lcmcr: CaptivityEstimate['lcmcr'] = null;
  let result: MseResult | null = null;
  if (table) {
    result = await fit(table, { top: 10, ...mseProgress(onProgress) });
    const sel = result.selected ? result.models[result.selected.index] : undefined;
    const undecided = await undecidedLinks(db, personOf);
    let ifUndecidedLinked: NonNullable<CaptivityEstimate['mse']>['ifUndecidedLinked'] = null;
    let other: ReturnType<typeof overlap> = null;
    let heldIfLinkedCount = 0;
    if (undecided.length) {
      const heldIfLinked = mergeTimelines(timelines, undecided).filter((t) => heldOn(t, asOf));
      heldIfLinkedCount = heldIfLinked.length;
      other = overlap(heldIfLinked);
      const alt = other
        ? await fit(other, {
            top: 10,
            ...mseProgress(onProgress, 'refitting, undecided pairs linked'),
          })
        : null;
      const altSel = alt?.selected ? alt.models[alt.selected.index] : undefined;
      ifUndecidedLinked = {
        pairs: undecided.length,
        held: heldIfLinked.length,
        N: altSel?.N ?? null,
        ci95: altSel?.ci95 ?? null,
      };
    }
    mse = {
      lists: result.lists,
      histories: table.histories,
      nObserved: result.nObserved,
      model: sel?.terms ?? null,
      N: sel?.N ?? null,
      ci95: sel?.ci95 ?? null,
      modelSpread: result.spread ? { minN: result.spread.minN, maxN: result.spread.maxN } : null,
      ifUndecidedLinked,
      warnings: [...result.warnings, ...(sel?.warnings ?? [])],
      warningCodes: [...result.warningCodes, ...(sel?.warningCodes ?? [])],
    };
    if (method === 'lcmcr') {
      const run = await lcmcrOf(table, onProgress);
      const alt = other ? await lcmcrOf(other, onProgress) : null;
      lcmcr = {
        N: run.N.median,
        mean: run.N.mean,
        ci95: run.N.ci95,
        diagnostics: run.diagnostics,
        settings: {
          k: run.settings.k,
          chains: run.settings.chains,
          burnin: run.settings.burnin,
          samples: run.settings.samples,
          thin: run.settings.thin,
        },
        histogram: run.histogram,
        ifUndecidedLinked: alt
          ? { pairs: undecided.length, held: heldIfLinkedCount, N: alt.N.median, ci95: alt.N.ci95 }
          : null,
        warnings: [...run.warnings, ...(alt?.warnings ?? [])].map((w) => w.message),
      };
    }
  } else if (basis === 'persons' && timelines.length > 0) {
    caveat(
      'single_source',
      'fewer than two sources record people held at this date: the unseen cannot be estimated',
    );
  }
  const w = whereabouts(timelines, await loadOccupancy(db, withoutSynthetic), asOf, windowDays);
  const estimated = lcmcr
    ? {
        value: Math.round(lcmcr.N),
        ci95: envelope(lcmcr.ci95, lcmcr.ifUndecidedLinked?.ci95 ?? null),
        method: 'lcmcr' as const,
      }
    : mse?.N != null
      ? {
          value: Math.round(mse.N),
          ci95: envelope(mse.ci95, mse.ifUndecidedLinked?.ci95 ?? null),
          method: 'mse' as const,
        }
      : { value: held.length, ci95: null, method: 'seen_only' as const };
  const gap = estimated.value - w.known;
  return {
    asOf,
    basis: timelines.length === 0 ? 'none' : basis,
    caveats,
    seen: { entered: last.entered, released: last.released, died: last.died, held: held.length },
    mse,
    lcmcr,
    estimatedHeld: estimated,
    whereabouts: {
      known: w.known,
      lastKnown: w.lastKnown,
      unknown: w.unknown,
      windowDays,
      gap,
      gapCi95: estimated.ci95
        ? [
            estimated.ci95[0] === null ? null : estimated.ci95[0] - w.known,
            estimated.ci95[1] === null ? null : estimated.ci95[1] - w.known,
          ]
        : null,
    },
    facilities: w.facilities.map((f) => ({
      facilityId: f.facilityId,
      identified: f.identified,
      lastKnown: f.lastKnown,
      estimate: f.estimate,
      estimateBasis: f.estimateBasis,
    })),
    series: flow.series,
  };
}
