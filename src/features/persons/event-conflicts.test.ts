import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEventConflicts, type DatedStep } from './event-conflicts.js';

const LIVING_KINDS = [
  'missing',
  'captured',
  'confirmed_captive',
  'transferred',
  'sentenced',
  'released',
];

const iso = (day: number): string =>
  new Date(Date.UTC(2022, 1, 24) + day * 86_400_000).toISOString().slice(0, 10);

let n = 0;
/** A step on one day (`precision` day), or anywhere in its month or year. */
function step(
  kind: string,
  day: number | null,
  precision: 'day' | 'month' | 'year' = 'day',
): DatedStep {
  const id = `evt_${++n}`;
  if (day === null)
    return { type: 'event', id, recordId: `rec_${n}`, kind, date: null, from: null, to: null };
  const d = iso(day);
  const [y, m] = d.split('-') as [string, string];
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).toISOString().slice(0, 10);
  const range =
    precision === 'day'
      ? { date: d, from: d, to: d }
      : precision === 'month'
        ? { date: `${y}-${m}`, from: `${y}-${m}-01`, to: last }
        : { date: y, from: `${y}-01-01`, to: `${y}-12-31` };
  return { type: 'event', id, recordId: `rec_${n}`, kind, ...range };
}

function episode(startDay: number, endDay: number | null): DatedStep {
  const id = `epi_${++n}`;
  return {
    type: 'episode',
    id,
    recordId: `rec_${n}`,
    kind: 'held',
    date: iso(startDay),
    from: iso(startDay),
    to: iso(startDay),
    endFrom: endDay === null ? null : iso(endDay),
    endDate: endDay === null ? null : iso(endDay),
  };
}

/** A life in captivity: steps on days before the death day, the death, and what follows it. */
const timeline = fc.record({
  death: fc.integer({ min: 30, max: 900 }),
  before: fc.array(fc.tuple(fc.constantFrom(...LIVING_KINDS), fc.integer({ min: 0, max: 29 })), {
    maxLength: 8,
  }),
  undated: fc.array(fc.constantFrom(...LIVING_KINDS), { maxLength: 3 }),
  after: fc.array(fc.tuple(fc.constantFrom(...LIVING_KINDS), fc.integer({ min: 1, max: 400 })), {
    maxLength: 3,
  }),
  bodyReturnedAfter: fc.integer({ min: 1, max: 300 }),
  reversed: fc.boolean(),
});

describe('conflicting events of one person', () => {
  it('on generated timelines: flags exactly the steps certainly after the death, never one before or undated', () => {
    fc.assert(
      fc.property(timeline, ({ death, before, undated, after, bodyReturnedAfter, reversed }) => {
        const dead = step('died_in_captivity', death);
        const later = after.map(([k, d]) => step(k, death + d));
        const steps = [
          ...before.map(([k, d]) => step(k, d)),
          ...undated.map((k) => step(k, null)),
          dead,
          step('body_returned', death + bodyReturnedAfter),
          ...later,
        ];
        const conflicts = findEventConflicts(reversed ? steps.reverse() : steps);
        expect(conflicts.filter((c) => c.kind === 'death_dates')).toEqual([]);
        const flagged = conflicts
          .flatMap((c) => (c.kind === 'after_death' ? [c.step.id] : []))
          .sort();
        expect(flagged).toEqual(later.map((s) => s.id).sort());
        for (const c of conflicts) if (c.kind === 'after_death') expect(c.death.id).toBe(dead.id);
      }),
      { seed: 18 },
    );
  });

  it('on generated death reports: flags different death dates, not one date written at different precision', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 4 }),
        (days) => {
          const deaths = days.map((d) => step('died_in_captivity', d));
          // The first date again, as its month and its year: the same death, less precisely.
          const echoes = [
            step('died_in_captivity', days[0] ?? 0, 'month'),
            step('died_in_captivity', days[0] ?? 0, 'year'),
          ];
          const conflicts = findEventConflicts([...deaths, ...echoes]);
          const clash = conflicts.find((c) => c.kind === 'death_dates');
          const distinct = new Set(days.map((d) => iso(d))).size;
          if (distinct === 1) expect(clash).toBeUndefined();
          else {
            expect(clash?.kind === 'death_dates' && clash.deaths.map((d) => d.id).sort()).toEqual(
              [...deaths, ...echoes].map((d) => d.id).sort(),
            );
          }
        },
      ),
      { seed: 18 },
    );
  });

  it('flags three death dates, and a detention episode begun or ended after the death', () => {
    const deaths = [
      step('died_in_captivity', 100),
      step('died_in_captivity', 130),
      step('died_in_captivity', 400),
    ];
    const heldAfter = episode(150, 200);
    const heldUntilAfter = episode(50, 120);
    const heldBefore = episode(20, 100);
    const c = findEventConflicts([
      ...deaths,
      heldAfter,
      heldUntilAfter,
      heldBefore,
      episode(60, null),
    ]);
    expect(c.map((x) => x.kind)).toEqual(['death_dates', 'after_death', 'after_death']);
    const [dates, after, until] = c;
    expect(dates?.kind === 'death_dates' && dates.deaths.map((d) => d.date)).toEqual(
      deaths.map((d) => d.date),
    );
    expect(after?.kind === 'after_death' && [after.step.id, after.date, after.death.id]).toEqual([
      heldAfter.id,
      heldAfter.date,
      deaths[0]?.id,
    ]);
    expect(until?.kind === 'after_death' && [until.step.id, until.date]).toEqual([
      heldUntilAfter.id,
      iso(120),
    ]);
  });

  it('finds nothing to flag without a dated death report', () => {
    expect(
      findEventConflicts([
        step('captured', 10),
        step('released', 200),
        step('died_in_captivity', null),
      ]),
    ).toEqual([]);
  });
});
