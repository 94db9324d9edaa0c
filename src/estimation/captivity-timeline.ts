/**
 * What is known of one person's captivity, as plain data: the engine's input for stock and
 * flow and for whereabouts. Dates are ISO days; a partial date is given as the earliest and
 * latest day it may mean.
 */
export type CaptivityEventKind =
  | 'missing'
  | 'captured'
  | 'confirmed_captive'
  | 'transferred'
  | 'sentenced'
  | 'released'
  | 'died_in_captivity'
  | 'body_returned';

export interface DatedEvent {
  kind: CaptivityEventKind;
  /** Earliest day the event may have happened; null when the source gives no date. */
  from: string | null;
  to: string | null;
  facilityId?: string | null;
}

export interface DetentionEpisode {
  facilityId: string | null;
  from: string | null;
  to: string | null;
  /** Latest day of `to`; null when the stay has no known end. */
  toLatest?: string | null;
}

export interface CaptivityTimeline {
  personId: string;
  /** Which lists (sources) have a record of this person: the input to MSE. */
  sources: string[];
  category: 'military' | 'civilian' | null;
  sex: 'male' | 'female' | null;
  events: DatedEvent[];
  episodes: DetentionEpisode[];
}

/** The day a person entered captivity: the first capture, confirmation or detention known. */
export function enteredOn(t: CaptivityTimeline): string | null {
  const days = [
    ...t.events
      .filter(
        (e) =>
          e.kind === 'captured' ||
          e.kind === 'confirmed_captive' ||
          e.kind === 'transferred' ||
          e.kind === 'sentenced',
      )
      .map((e) => e.from),
    ...t.episodes.map((e) => e.from),
  ].filter((d): d is string => d !== null);
  return days.length ? days.reduce((a, b) => (a < b ? a : b)) : null;
}

/** The day captivity ended (release, death), if it did; the latest day it may have. */
export function leftOn(t: CaptivityTimeline): { day: string; how: 'released' | 'died' } | null {
  let out: { day: string; how: 'released' | 'died' } | null = null;
  for (const e of t.events) {
    if (
      (e.kind !== 'released' && e.kind !== 'died_in_captivity' && e.kind !== 'body_returned') ||
      !e.from
    )
      continue;
    const how = e.kind === 'released' ? 'released' : 'died';
    if (!out || e.from < out.day) out = { day: e.from, how };
  }
  return out;
}
