import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/app-error.js';
import { formatLinkResult, readReviewDecisions, runLinkFile, writeReviewQueue } from './index.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polon-link-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = 'record_id,source,family_name,given_name,patronymic,full_name,birth_date,sex,unit';
// Synthetic people; the same man in four sources, his brother, and a stranger.
const ROWS = [
  'r1,ua_register,Коваленко,Олександр,Петрович,,12.03.1985,ч,36 ОБрМП',
  'r2,ru_media,,,,Коваленко Александр Петрович,1985,,',
  'r3,icrc,KOVALENKO,Oleksandr,,,1985-03-12,M,',
  'r4,press,,,,Aleksandr Kovalenko,1985,,36th Marine Brigade',
  'r5,ua_register,Коваленко,Сергій,Петрович,,01.07.1988,ч,36 ОБрМП',
  'r6,ua_register,Білик,Юрій,Іванович,,05.05.1979,ч,93 ОМБр',
];

async function link(rows: string[], options = {}) {
  const input = join(dir, `in-${Math.random()}.csv`);
  const output = join(dir, `out-${Math.random()}.csv`);
  await writeFile(input, [HEADER, ...rows].join('\n'));
  const result = await runLinkFile(input, output, options);
  const lines = (await readFile(output, 'utf8')).trim().split('\n');
  const cluster = new Map(lines.slice(1).map((l) => l.split(',') as [string, string]));
  return { result, lines, cluster };
}

describe('runLinkFile', () => {
  it('writes one row per input record in input order', async () => {
    const { lines } = await link(ROWS);
    expect(lines[0]).toBe('record_id,cluster_id');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'r1',
      'r2',
      'r3',
      'r4',
      'r5',
      'r6',
    ]);
  });

  it('links one man across Ukrainian, Russian and Latin spellings but not his brother', async () => {
    const { cluster } = await link(ROWS);
    expect(new Set(['r1', 'r2', 'r3', 'r4'].map((r) => cluster.get(r))).size).toBe(1);
    expect(cluster.get('r5')).not.toBe(cluster.get('r1'));
    expect(cluster.get('r6')).not.toBe(cluster.get('r1'));
  });

  it('honours review decisions on the next run', async () => {
    const { cluster } = await link(ROWS, {
      decisions: [
        { a: 'r1', b: 'r4', decision: 'non_match' },
        { a: 'r5', b: 'r6', decision: 'match' },
      ],
    });
    expect(cluster.get('r4')).not.toBe(cluster.get('r1'));
    expect(cluster.get('r5')).toBe(cluster.get('r6'));
  });

  it('refuses a file without record_id and source, saying which columns', async () => {
    const input = join(dir, 'bad.csv');
    await writeFile(input, 'id,family_name\n1,Білик\n');
    const err = await runLinkFile(input, join(dir, 'x.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/record_id.*source/);
  });

  it('reports every duplicate record id with its row', async () => {
    const err = await link([...ROWS, ROWS[0] as string]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ row: 8, column: 'record_id' });
  });

  it('summarises the run for a person', async () => {
    const { result } = await link(ROWS);
    const text = formatLinkResult(result);
    expect(text).toContain('Linked 6 records from 4 sources');
  });

  it('works out a priority for each review pair when asked', async () => {
    // A name-only mention fitting both brothers' surname: pairs to review.
    const rows = [...ROWS, 'r7,testimony,Коваленко,,,,,,36 ОБрМП'];
    const { result } = await link(rows, { priorities: true, reviewFrom: 0.001 });
    expect(result.review.length).toBeGreaterThan(0);
    expect(result.reviewPriorities).toHaveLength(result.review.length);
    for (const p of result.reviewPriorities ?? []) expect(p).toBeGreaterThan(0);
    expect((await link(rows, { reviewFrom: 0.001 })).result.reviewPriorities).toBeUndefined();
  });

  it('writes the review queue most urgent first when given priorities', async () => {
    const path = join(dir, 'review-ordered.csv');
    const levels = {
      family: 'exact',
      given: 'exact',
      patronymic: 'missing',
      birth: 'missing',
      sex: 'missing',
      unit: 'missing',
    };
    const pair = (a: string, b: string, probability: number) => ({
      a,
      b,
      probability,
      weight: 10 * probability,
      reason: 'uncertain' as const,
      levels,
    });
    // The likelier pair first by weight; the second moves the estimate more.
    await writeReviewQueue(path, [pair('r1', 'r2', 0.9), pair('r3', 'r4', 0.5)], [0.36, 3]);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(
      'a,b,decision,priority,probability,reason,family,given,patronymic,birth,sex,unit',
    );
    expect(lines[1]?.startsWith('r3,r4,,3.0000,0.5000,')).toBe(true);
    expect(lines[2]?.startsWith('r1,r2,,0.3600,0.9000,')).toBe(true);
  });

  it('writes a review queue that reads back as decisions once filled in', async () => {
    const path = join(dir, 'review.csv');
    await writeReviewQueue(path, [
      {
        a: 'r1',
        b: 'r9',
        probability: 0.6,
        weight: 1,
        reason: 'uncertain',
        levels: {
          family: 'exact',
          given: 'missing',
          patronymic: 'missing',
          birth: 'missing',
          sex: 'missing',
          unit: 'agree',
        },
      },
    ]);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('r1,r9,,', 'r1,r9,non_match,'));
    expect(await readReviewDecisions(path)).toEqual([{ a: 'r1', b: 'r9', decision: 'non_match' }]);
  });
});
