/**
 * What a person's sources say that cannot all be true: more than one death date, or the
 * person held, moved, sentenced or released after a reported death. Either is a sign of
 * a wrong link (two people joined) or a wrong record, and the analyst should see it before
 * anything else on the person's page.
 */

/** One dated step of a person's timeline, with the earliest and latest day it may be on. */
export interface DatedStep {
  type: 'event' | 'episode';
  id: string;
  recordId: string;
  /** The event kind; `held` for a detention episode. */
  kind: string;
  /** As the source wrote it. */
  date: string | null;
  from: string | null;
  to: string | null;
  /** For an episode: the earliest day it may have ended (held until). */
  endFrom?: string | null;
  endDate?: string | null;
}

export type EventConflict =
  | { kind: 'death_dates'; deaths: DatedStep[] }
  | { kind: 'after_death'; step: DatedStep; date: string | null; death: DatedStep };

/** Kinds that may come after a death without contradicting it. */
const AFTER_DEATH_OK = new Set(['died_in_captivity', 'body_returned']);

const dated = (s: DatedStep): s is DatedStep & { from: string; to: string } =>
  s.from !== null && s.to !== null;

/**
 * The conflicts among a person's timeline steps. A step counts as after a death only when
 * its earliest possible day is after the latest possible day of the earliest death report,
 * so partial dates (2023, 2023-03) never raise a false alarm. Undated steps are never in
 * conflict.
 */
export function findEventConflicts(steps: readonly DatedStep[]): EventConflict[] {
  const out: EventConflict[] = [];
  const deaths = steps
    .filter((s) => s.type === 'event' && s.kind === 'died_in_captivity')
    .filter(dated);
  // Two reports that cannot be the same day: the latest earliest day after the earliest
  // latest one (a year-only report does not clash with a day in that year).
  const latestFrom = deaths.reduce((m, d) => (d.from > m ? d.from : m), '');
  const earliestTo = deaths.reduce((m, d) => (d.to < m ? d.to : m), '\uffff');
  if (deaths.length > 1 && latestFrom > earliestTo)
    out.push({
      kind: 'death_dates',
      deaths: [...deaths].sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id)),
    });
  // The first death any source reports: everything certainly later contradicts it.
  const first = [...deaths].sort((a, b) => a.to.localeCompare(b.to) || a.id.localeCompare(b.id))[0];
  if (!first) return out;
  for (const s of steps) {
    if (s.type === 'event' && AFTER_DEATH_OK.has(s.kind)) continue;
    if (s.from !== null && s.from > first.to)
      out.push({ kind: 'after_death', step: s, date: s.date, death: first });
    else if (s.type === 'episode' && s.endFrom && s.endFrom > first.to)
      out.push({ kind: 'after_death', step: s, date: s.endDate ?? null, death: first });
  }
  return out;
}
