import { afterEach, describe, expect, it } from 'vitest';
import { expectWellFormed, recordProgress } from '../../test/progress-calls.js';
import { linkRecords } from './link-records.js';
import { rec } from '../../test/link-record-factory.js';

// 1,500 people, each in four lists with the same name and birth date.
const records = Array.from({ length: 6000 }, (_, i) => {
  const person = i % 1500;
  return rec(String(i), {
    family: `family${person}`,
    given: `given${person % 40}`,
    patronymic: `patronymic${person % 13}`,
    birth: [1950 + (person % 50), 1 + (person % 12), 1 + (person % 28)],
    source: `list${i % 4}`,
  });
});

describe('the progress of a linkage run', () => {
  let progress: ReturnType<typeof recordProgress> | undefined;
  afterEach(() => progress?.restore());

  it('goes through its phases, each from 0 to its total, counting as it goes', () => {
    progress = recordProgress();
    const result = linkRecords(records, { onProgress: progress.onProgress });
    const phases = progress.phases();
    expect([...phases.keys()]).toEqual([
      'blocking',
      'comparing pairs',
      'estimating',
      'weighing pairs',
      'clustering',
    ]);
    expectWellFormed(phases, expect);
    const comparing = phases.get('comparing pairs')!;
    expect(comparing.length).toBeGreaterThan(2);
    expect(comparing.at(-1)?.also).toEqual({ pairs: result.stats.candidatePairs });
    expect(phases.get('weighing pairs')?.at(-1)?.done).toBe(result.stats.candidatePairs);
    expect(phases.get('clustering')!.length).toBeGreaterThan(2);
  });

  it('links the same with or without a callback', () => {
    progress = recordProgress();
    const told = linkRecords(records, { onProgress: progress.onProgress });
    const silent = linkRecords(records);
    expect(Array.from(told.clusterOf)).toEqual(Array.from(silent.clusterOf));
    expect(told.stats).toEqual(silent.stats);
  });
});
