import { describe, expect, it } from 'vitest';
import type { CaptivityTimeline } from './captivity-timeline.js';
import { monthEnds, stockFlow } from './stock-flow.js';
import { whereabouts } from './whereabouts.js';

const person = (id: string, over: Partial<CaptivityTimeline> = {}): CaptivityTimeline => ({
  personId: id,
  sources: ['a'],
  category: 'military',
  sex: 'male',
  events: [],
  episodes: [],
  ...over,
});

const captured = (from: string) => ({ kind: 'captured' as const, from, to: from });
const released = (from: string) => ({ kind: 'released' as const, from, to: from });

describe('stockFlow', () => {
  it('counts held as entered minus released minus died on each day', () => {
    const people = [
      person('a', { events: [captured('2022-03-01'), released('2022-09-21')] }),
      person('b', { events: [captured('2022-05-20')] }),
      person('c', {
        events: [
          captured('2022-05-20'),
          { kind: 'died_in_captivity', from: '2022-07-29', to: '2022-07-29' },
        ],
      }),
    ];
    const s = stockFlow(people, ['2022-04-01', '2022-06-01', '2022-08-01', '2022-10-01']);
    expect(s.series.map((p) => [p.date, p.entered, p.released, p.died, p.held])).toEqual([
      ['2022-04-01', 1, 0, 0, 1],
      ['2022-06-01', 3, 0, 0, 3],
      ['2022-08-01', 3, 0, 1, 2],
      ['2022-10-01', 3, 1, 1, 1],
    ]);
  });

  it('counts a captive with no capture date from the start, and says how many', () => {
    const s = stockFlow(
      [person('x', { events: [{ kind: 'confirmed_captive', from: null, to: null }] })],
      ['2022-04-01'],
    );
    expect(s.series[0]?.held).toBe(1);
    expect(s.undatedEntry).toBe(1);
  });

  it('enters a person at their first detention episode when no capture is recorded', () => {
    const s = stockFlow(
      [person('x', { episodes: [{ facilityId: 'f', from: '2023-01-10', to: null }] })],
      ['2023-01-01', '2023-02-01'],
    );
    expect(s.series.map((p) => p.held)).toEqual([0, 1]);
  });

  it('lists month ends for a chart', () => {
    expect(monthEnds('2024-11-15', '2025-02-10')).toEqual([
      '2024-11-30',
      '2024-12-31',
      '2025-01-31',
      '2025-02-10',
    ]);
  });
});

describe('whereabouts', () => {
  it('tells known, last known and unknown whereabouts apart', () => {
    const people = [
      person('recent', {
        events: [captured('2024-01-01')],
        episodes: [{ facilityId: 'taganrog', from: '2024-09-01', to: null }],
      }),
      person('old', {
        events: [captured('2022-03-01')],
        episodes: [
          { facilityId: 'olenivka', from: '2022-04-01', to: '2022-07-01', toLatest: '2022-07-01' },
        ],
      }),
      person('none', { events: [captured('2023-01-01')] }),
      person('freed', {
        events: [captured('2023-01-01'), released('2024-06-25')],
        episodes: [{ facilityId: 'taganrog', from: '2023-02-01', to: null }],
      }),
    ];
    const w = whereabouts(people, [], '2024-12-31');
    expect(w).toMatchObject({ held: 3, known: 1, lastKnown: 1, unknown: 1 });
    expect(w.persons.find((p) => p.personId === 'old')).toMatchObject({
      status: 'last_known',
      facilityId: 'olenivka',
      asOfInformation: '2022-07-01',
    });
  });

  it('moves a person to the facility of a later transfer', () => {
    const p = person('t', {
      episodes: [{ facilityId: 'a', from: '2024-01-01', to: null }],
      events: [{ kind: 'transferred', from: '2024-10-01', to: '2024-10-01', facilityId: 'b' }],
    });
    expect(whereabouts([p], [], '2024-12-31').persons[0]).toMatchObject({
      status: 'known',
      facilityId: 'b',
    });
  });

  it('estimates a facility from occupancy reports when they exceed the identified', () => {
    const people = [
      person('p', { episodes: [{ facilityId: 'sizo', from: '2024-11-01', to: null }] }),
    ];
    const reports = [30, 50, 40].map((count) => ({
      facilityId: 'sizo',
      date: '2024-10-15',
      count,
      scope: 'facility' as const,
    }));
    const f = whereabouts(
      people,
      [...reports, { facilityId: 'sizo', date: '2024-10-15', count: 12, scope: 'cell' }],
      '2024-12-31',
    ).facilities[0];
    expect(f).toMatchObject({ identified: 1, estimate: 40, estimateBasis: 'occupancy_reports' });
    expect(f?.reports).toEqual([
      { scope: 'cell', n: 1, min: 12, median: 12, max: 12 },
      { scope: 'facility', n: 3, min: 30, median: 40, max: 50 },
    ]);
  });
});
