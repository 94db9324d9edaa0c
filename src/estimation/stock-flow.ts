import { enteredOn, leftOn, type CaptivityTimeline } from './captivity-timeline.js';

export interface StockPoint {
  date: string;
  /** Persons known to have entered captivity by this day. */
  entered: number;
  released: number;
  died: number;
  /** entered − released − died: persons known to be held on this day. */
  held: number;
}

export interface StockFlow {
  series: StockPoint[];
  /** Persons with no date of entering captivity: counted from the first day of the series. */
  undatedEntry: number;
  /** Persons who left captivity on no stated day: counted as still held (they may not be). */
  undatedExit: number;
}

/**
 * held(t) = entered by t − released by t − died in captivity by t, over persons (METHODS.md).
 * A person known to be captive but with no entry date is counted from the start, since the
 * alternative — leaving them out — would hide people the evidence does record.
 */
export function stockFlow(timelines: CaptivityTimeline[], dates: string[]): StockFlow {
  const sorted = [...dates].sort();
  const points = sorted.map((date) => ({ date, entered: 0, released: 0, died: 0, held: 0 }));
  let undatedEntry = 0;
  let undatedExit = 0;
  for (const t of timelines) {
    const entry = enteredOn(t);
    const exit = leftOn(t);
    if (!entry) undatedEntry++;
    const endedUndated =
      !exit &&
      t.events.some(
        (e) =>
          (e.kind === 'released' || e.kind === 'died_in_captivity' || e.kind === 'body_returned') &&
          !e.from,
      );
    if (endedUndated) undatedExit++;
    for (const p of points) {
      if (entry && entry > p.date) continue;
      p.entered++;
      if (exit && exit.day <= p.date) {
        if (exit.how === 'released') p.released++;
        else p.died++;
      }
    }
  }
  for (const p of points) p.held = p.entered - p.released - p.died;
  return { series: points, undatedEntry, undatedExit };
}

/** Month ends from the first to the last day given (inclusive), for a chart's series. */
export function monthEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (end > to) {
      out.push(to);
      break;
    }
    out.push(end);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return [...new Set(out)];
}
