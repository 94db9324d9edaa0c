import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectWellFormed, recordProgress } from '../../../test/progress-calls.js';
import { runLinkFile } from './index.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polon-link-progress-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = 'record_id,source,family_name,given_name,patronymic,full_name,birth_date,sex,unit';
// Synthetic people, each in two lists.
const ROWS = Array.from({ length: 3000 }, (_, i) => {
  const p = i % 1500;
  return `r${i},list${i % 2},Коваленко${p},Олександр,Петрович,,${String(1 + (p % 28)).padStart(2, '0')}.03.${1950 + (p % 50)},ч,`;
});

describe('the progress of `polon link` over a file', () => {
  let progress: ReturnType<typeof recordProgress> | undefined;
  afterEach(() => progress?.restore());

  it('reads, links and writes, each phase from 0 to its total', async () => {
    const input = join(dir, 'in.csv');
    await writeFile(input, [HEADER, ...ROWS].join('\n'));
    progress = recordProgress();
    const result = await runLinkFile(input, join(dir, 'out.csv'), {
      onProgress: progress.onProgress,
      workers: 1,
    });
    const phases = progress.phases();
    expect([...phases.keys()]).toEqual([
      'reading',
      'indexing names',
      'blocking',
      'comparing pairs',
      'estimating',
      'weighing pairs',
      'clustering',
      'writing',
    ]);
    expectWellFormed(phases, expect);
    expect(phases.get('reading')?.at(-1)).toEqual({
      phase: 'reading',
      done: (await stat(input)).size,
      total: (await stat(input)).size,
      unit: 'bytes',
      also: { records: 3000 },
    });
    expect(phases.get('reading')!.length).toBeGreaterThan(2);
    expect(phases.get('writing')?.at(-1)?.done).toBe(result.records);
  });
});
