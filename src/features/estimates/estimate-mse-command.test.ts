import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { polon } from '../../../test/cli.js';
import { bundledDataDir } from '../public-data/index.js';

interface Reference {
  models: { terms: string[]; N: number | null; ci95: [number, number] | null }[];
}

describe('polon estimate mse', () => {
  const file = join(bundledDataDir(), 'mse', 'spina_bifida_upstate_NY.json');

  it('prints the DESIGN.md JSON shape with the reference estimates', async () => {
    const r = await polon('estimate', 'mse', '--histories', file, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      lists: string[];
      nObserved: number;
      models: { terms: string[]; N: number; ci95: [number, number] }[];
      best: { bic: { terms: string[] } };
      pairs: unknown[];
      chao: unknown;
    };
    expect(out.lists).toEqual(['BC', 'DC', 'MR']);
    expect(out.nObserved).toBe(626);
    expect(out.best.bic.terms).toEqual(['BC', 'DC', 'MR', 'DC:MR']);
    const ref = JSON.parse(readFileSync(file, 'utf8')) as Reference;
    const refModel = ref.models.find((m) => m.terms.join() === 'BC,DC,MR,DC:MR');
    const model = out.models.find((m) => m.terms.join() === 'BC,DC,MR,DC:MR');
    expect(refModel?.N).toBeTypeOf('number');
    expect(Math.abs(model!.N - refModel!.N!) / refModel!.N!).toBeLessThan(0.001);
    expect(out.pairs).toHaveLength(3);
    expect(out.chao).toBeDefined();
  });

  it('prints the chosen model and its interval as text', async () => {
    const r = await polon('estimate', 'mse', '--histories', file);
    expect(r.stdout).toMatch(
      /Selected model: BC \+ DC \+ MR \+ DC:MR\n\s+N = 731 .*interval 700 – 766/,
    );
  });

  it('says what to fix in a malformed histories file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polon-mse-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ lists: ['A', 'B'], histories: { '10': 5, '012': 3 } }));
    const r = await polon('estimate', 'mse', '--histories', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/012/);
  });
});
