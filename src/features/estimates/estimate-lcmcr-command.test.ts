import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { polon } from '../../../test/cli.js';
import { bundledDataDir } from '../public-data/index.js';

interface LcmcrJson {
  method: string;
  lists: string[];
  nObserved: number;
  settings: { k: number; chains: number; seeds: number[] };
  N: { mean: number; median: number; q025: number; q975: number; ci95: [number, number] };
  diagnostics: { rhat: number; ess: number; converged: boolean };
  warnings: { code: string; message: string }[];
}

describe('polon estimate lcmcr', () => {
  const file = join(bundledDataDir(), 'mse', 'spina_bifida_upstate_NY.json');
  const short = ['--burnin', '2000', '--samples', '1000', '--thin', '5', '--chains', '2'];

  it('prints the issue’s JSON shape from chains run on worker threads', async () => {
    const r = await polon('estimate', 'lcmcr', '--histories', file, ...short, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as LcmcrJson;
    expect(out.method).toBe('lcmcr');
    expect(out.lists).toEqual(['BC', 'DC', 'MR']);
    expect(out.nObserved).toBe(626);
    expect(out.settings).toMatchObject({ k: 10, chains: 2, seeds: [1, 2] });
    expect(out.N.ci95).toEqual([out.N.q025, out.N.q975]);
    expect(out.N.q025).toBeGreaterThanOrEqual(626);
    expect(out.N.q025).toBeLessThan(out.N.median);
    expect(out.N.median).toBeLessThan(out.N.q975);
    expect(out.diagnostics.rhat).toBeGreaterThan(0.9);
  });

  it('gives the same answer for the same seed', async () => {
    const a = await polon(
      'estimate',
      'lcmcr',
      '--histories',
      file,
      ...short,
      '--seed',
      '7',
      '--json',
    );
    const b = await polon(
      'estimate',
      'lcmcr',
      '--histories',
      file,
      ...short,
      '--seed',
      '7',
      '--json',
    );
    expect((JSON.parse(a.stdout) as LcmcrJson).N).toEqual((JSON.parse(b.stdout) as LcmcrJson).N);
  });

  it('says plainly when one chain cannot show convergence', async () => {
    const r = await polon(
      'estimate',
      'lcmcr',
      '--histories',
      file,
      '--burnin',
      '100',
      '--samples',
      '100',
      '--thin',
      '1',
      '--chains',
      '1',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/N = [\d,]+ \(posterior median\), 95% interval/);
    expect(r.stdout).toMatch(/NOT CONVERGED/);
    expect(r.stdout).toMatch(/one chain cannot show convergence/);
  });

  it('says which option is wrong, and what to fix in the table', async () => {
    const zero = await polon('estimate', 'lcmcr', '--histories', file, '--k', '0');
    expect(zero.code).not.toBe(0);
    expect(zero.stderr).toMatch(/--k 0: give a whole number, 1 or more/);
    const dir = mkdtempSync(join(tmpdir(), 'polon-lcmcr-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ lists: ['A', 'B'], histories: { '10': 5, '012': 3 } }));
    const r = await polon('estimate', 'lcmcr', '--histories', bad);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/012/);
  });
});
