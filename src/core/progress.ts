/**
 * How far a long piece of work has got (an import, a linkage run): engines and features
 * report it through an optional callback and never print; the command line draws it as a
 * bar on a terminal (src/cli/progress-bar.ts) and ignores it everywhere else.
 */
export interface Progress {
  /** What is being done: "reading", "checking", "writing", "comparing pairs", … */
  phase: string;
  /** How much of the phase is done, in `unit`s; it never goes down within a phase. */
  done: number;
  /** How much there is in all, when known. */
  total?: number;
  /** What `done` counts: "rows", "bytes", "records", "blocks", "persons", "models". */
  unit: string;
  /** Other counts worth showing beside it, by what they count: { "rows written": 1200 }. */
  also?: Readonly<Record<string, number>>;
}

export type OnProgress = (p: Progress) => void;

/** Reports of one phase are at least this far apart (the first and the last excepted). */
export const PROGRESS_INTERVAL_MS = 100;

/** The reports of one phase: its start was reported when it was made. */
export interface PhaseProgress {
  /**
   * Reports `done` when the last report is at least 100 ms old (and `done` has not gone
   * down); otherwise costs a clock read. Call it every few hundred items, not every item.
   */
  tick(done: number, also?: Progress['also']): void;
  /** Reports the end of the phase at `done` (default: the total, or the last done). */
  end(done?: number, also?: Progress['also']): void;
}

const SILENT: PhaseProgress = { tick: () => undefined, end: () => undefined };

/**
 * Starts a phase: reports it at 0 at once, then `tick`s at most every 100 ms, then its
 * `end` at the total. Without a callback it does nothing and costs nothing.
 */
export function startPhase(
  onProgress: OnProgress | undefined,
  phase: string,
  unit: string,
  total?: number,
): PhaseProgress {
  if (!onProgress) return SILENT;
  let last = performance.now();
  let lastDone = 0;
  let ended = false;
  const report = (done: number, also: Progress['also'], end: boolean): void => {
    const t = end ? (total ?? done) : total;
    onProgress({
      phase,
      done,
      unit,
      ...(t === undefined ? {} : { total: t }),
      ...(also ? { also } : {}),
    });
  };
  report(0, undefined, false);
  return {
    tick(done, also) {
      if (ended || done < lastDone) return;
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      lastDone = done;
      report(done, also, false);
    },
    end(done, also) {
      if (ended) return;
      ended = true;
      report(Math.max(lastDone, done ?? total ?? lastDone), also, true);
    },
  };
}
