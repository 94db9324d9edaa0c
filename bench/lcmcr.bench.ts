/**
 * LCMCR: time per Gibbs sweep of one chain on HIV_Rome (4 lists, 1,896 people, K = 10), the
 * table R's LCMCR 0.4.14 was timed on (110,500 sweeps in 1.0–1.7 s on this kind of machine),
 * against a chain with one latent class (the independence model: the same code with the
 * least work a sweep can do) in the same run. Then the default run on a six-list table of
 * about 3,000 people with strong heterogeneity: chains on worker threads, wall time and R-hat.
 *
 * ratio = K = 10 time per sweep / K = 1 time per sweep (lower is better); `met` is judged on
 * the absolute time, target ≤ 1.7 s per 110,500 sweeps on one core.
 */
import { readFileSync } from 'node:fs';
import { LCMCR_DEFAULTS, lcmcrInput, runLcmcrChain } from '../src/estimation/index.js';
import { runLcmcrChains } from '../src/features/estimates/lcmcr-chains.js';
import { peakRssMiB } from './bench-result.js';
import type { Benchmark, BenchResult } from './bench-result.js';
import { syntheticTable } from './mse.bench.js';

const R_SWEEPS = 110_500;
const TRUE_N = 5_500;

function secondsPerSweep(k: number, sweeps: number): number {
  const { data } = lcmcrInput(
    (
      JSON.parse(readFileSync(new URL('../data/mse/LCMCR.json', import.meta.url), 'utf8')) as {
        dataset: unknown;
      }
    ).dataset,
  );
  const settings = { ...LCMCR_DEFAULTS, k, burnin: sweeps - 1000, samples: 1000, thin: 1, seed: 1 };
  runLcmcrChain(data, { ...settings, burnin: 2000, samples: 100 }); // warm-up
  const started = performance.now();
  runLcmcrChain(data, settings);
  return (performance.now() - started) / 1000 / sweeps;
}

const benchmark: Benchmark = {
  name: 'lcmcr',
  description: 'LCMCR Gibbs sweeps on HIV_Rome (K = 10 vs K = 1), and a six-list default run',
  async run(): Promise<BenchResult> {
    const perSweep = secondsPerSweep(10, R_SWEEPS);
    const baseline = secondsPerSweep(1, R_SWEEPS);
    const perR = perSweep * R_SWEEPS;

    // About 3,000 of 5,500 people seen by six lists, a visible minority 2.2 times as likely
    // to be on each (the heterogeneity LCMCR is for), and two pairs of dependent lists.
    const table = syntheticTable(20240224, TRUE_N);
    const { lists, data } = lcmcrInput(table);
    const started = performance.now();
    const six = await runLcmcrChains(lists, data, {});
    const wall = (performance.now() - started) / 1000;
    return {
      name: 'lcmcr',
      figureLabel: 's per 110,500 sweeps of one chain, HIV_Rome, K = 10',
      figure: perR,
      baselineLabel: 's per 110,500 sweeps with K = 1 (independence), same run',
      baseline: baseline * R_SWEEPS,
      ratio: perSweep / baseline,
      target: '≤ 1.7 s per 110,500 sweeps (R’s LCMCR 0.4.14: 1.0–1.7 s)',
      met: perR <= 1.7,
      extra: {
        'ratio meaning': 'K = 10 / K = 1 time per sweep (lower is better)',
        'µs per sweep, K = 10': perSweep * 1e6,
        [`six-list table: people observed (true N ${TRUE_N.toLocaleString('en')})`]: six.nObserved,
        'six-list default run: median [95%]': `${Math.round(six.N.median)} [${Math.round(six.N.ci95[0])}, ${Math.round(six.N.ci95[1])}]`,
        'six-list default run: chains × sweeps': `${six.settings.chains} × ${six.settings.burnin + six.settings.samples * six.settings.thin}`,
        'six-list default run: wall s (both cores)': wall,
        'six-list default run: R-hat, ESS': `${six.diagnostics.rhat.toFixed(3)}, ${Math.round(six.diagnostics.ess)}`,
        'peak RSS MiB': peakRssMiB(),
      },
    };
  },
};

export default benchmark;
