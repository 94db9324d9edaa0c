import { describe, expect, it } from 'vitest';
import type { CaptivityTimeline } from './captivity-timeline.js';
import { mergeTimelines } from './merge-timelines.js';

const t = (personId: string, sources: string[], released?: string): CaptivityTimeline => ({
  personId,
  sources,
  category: null,
  sex: personId === 'p3' ? 'female' : null,
  events: [
    { kind: 'captured', from: '2022-03-01', to: '2022-03-01', facilityId: null },
    ...(released
      ? [{ kind: 'released' as const, from: released, to: released, facilityId: null }]
      : []),
  ],
  episodes: [],
});

describe('mergeTimelines', () => {
  it('joins chained pairs into one person with the union of sources and events', () => {
    const out = mergeTimelines(
      [t('p1', ['a']), t('p2', ['b']), t('p3', ['a', 'c'], '2024-05-01'), t('p4', ['b'])],
      [
        ['p3', 'p2'],
        ['p2', 'p1'],
      ],
    );
    expect(out).toHaveLength(2);
    const one = out.find((x) => x.personId === 'p1');
    expect(one?.sources.sort()).toEqual(['a', 'b', 'c']);
    expect(one?.events.filter((e) => e.kind === 'released')).toHaveLength(1);
    expect(one?.sex).toBe('female');
    expect(out.find((x) => x.personId === 'p4')?.sources).toEqual(['b']);
  });

  it('leaves the input untouched and ignores pairs naming unknown persons', () => {
    const input = [t('p1', ['a']), t('p2', ['b'])];
    const out = mergeTimelines(input, [['p1', 'p9']]);
    expect(out).toHaveLength(2);
    const again = mergeTimelines(input, [['p2', 'p1']]);
    expect(again).toHaveLength(1);
    expect(input[0]?.sources).toEqual(['a']);
  });
});
