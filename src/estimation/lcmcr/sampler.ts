import { logGamma } from '../log-gamma.js';
import { Random } from './random.js';

/*
 * The Gibbs sampler of Manrique-Vallier (2016), "Bayesian population size estimation using
 * Dirichlet process mixtures", Biometrics 72:1246–1254 — the model of R's LCMCR. People fall
 * into latent classes; within a class every list sees a person independently with its own
 * probability λ[j][k]. Class weights come from a stick-breaking prior truncated at K classes
 * with concentration α ~ Gamma(aα, bα); λ ~ Beta(1, 1); p(N) ∝ 1/N. Each sweep draws the
 * classes of the observed people, the number of unobserved people and their classes, then
 * λ, the weights and α from their conditionals.
 *
 * People with the same capture history are exchangeable, so the sampler holds counts per
 * (history, class) rather than one class per person: a sweep costs histories × classes ×
 * lists, whatever the number of people.
 */

export interface LcmcrSettings {
  /** Maximum number of latent classes (the stick-breaking truncation). */
  k: number;
  burnin: number;
  /** Draws kept after burn-in. */
  samples: number;
  /** Sweeps between kept draws. */
  thin: number;
  seed: number;
  /** Gamma prior on the concentration α: shape and rate. */
  aAlpha: number;
  bAlpha: number;
  /**
   * R's LCMCR keeps N ≤ (1 + this) × observed, a bound on the 1/N prior; 20 as there. It
   * matters only for tables whose lists barely overlap.
   */
  maxUnobservedFactor: number;
}

export const LCMCR_DEFAULTS: Omit<LcmcrSettings, 'seed'> = {
  k: 10,
  burnin: 10_000,
  samples: 10_000,
  thin: 10,
  aAlpha: 0.25,
  bAlpha: 0.25,
  maxUnobservedFactor: 20,
};

/** Observed capture histories: bit j of a mask set = seen by list j. */
export interface CaptureHistories {
  lists: number;
  masks: readonly number[];
  counts: readonly number[];
}

export interface LcmcrChain {
  /** Kept draws of the population size N. */
  n: Float64Array;
  /** Kept draws of the number of latent classes holding anyone. */
  classes: Int32Array;
  seed: number;
}

export type SweepProgress = (done: number, total: number) => void;

const PROGRESS_EVERY = 2_000;
const WARM_UP = 500;
// Weights and stick pieces this small are zero for every purpose, and keep logs finite.
const TINY = 1e-300;

export function runLcmcrChain(
  data: CaptureHistories,
  settings: LcmcrSettings,
  onProgress?: SweepProgress,
): LcmcrChain {
  const { k: K, burnin, samples, thin } = settings;
  const J = data.lists;
  const H = data.masks.length;
  const rng = new Random(settings.seed);
  const nObserved = data.counts.reduce((a, b) => a + b, 0);
  const maxUnobserved = settings.maxUnobservedFactor * nObserved;

  // seen[h * J + j] = 1 when history h is on list j.
  const seen = new Uint8Array(H * J);
  for (let h = 0; h < H; h++)
    for (let j = 0; j < J; j++) seen[h * J + j] = ((data.masks[h] ?? 0) >> j) & 1;

  const lambda = new Float64Array(J * K); // lambda[j * K + k]
  const pi = new Float64Array(K);
  const logRest = new Float64Array(K); // log(1 − V_k) of the stick-breaking pieces
  const byHistory = new Int32Array(H * K); // people of history h in class k
  const unseenByClass = new Int32Array(K);
  const classSize = new Float64Array(K);
  const onList = new Float64Array(J * K);
  const weights = new Float64Array(K);
  const missProb = new Float64Array(K); // Π_j (1 − λ_jk)

  // Started as R's LCMCR starts: every class at the lists' marginal frequencies, a small α.
  for (let j = 0; j < J; j++) {
    let on = 0;
    for (let h = 0; h < H; h++) if (seen[h * J + j]) on += data.counts[h] ?? 0;
    for (let k = 0; k < K; k++) lambda[j * K + k] = on / nObserved;
  }
  let alpha = 0.3 / K;
  drawWeights(new Float64Array(K));

  function drawWeights(sizes: Float64Array): void {
    // In logarithms, as R's LCMCR does: with a small α the pieces of an empty class's stick
    // are e^-100 and smaller, and the α update sums exactly those logarithms.
    let after = 0;
    for (let k = 0; k < K; k++) after += sizes[k] ?? 0;
    let logRemaining = 0;
    for (let k = 0; k < K - 1; k++) {
      after -= sizes[k] ?? 0;
      const a = rng.logGamma(1 + (sizes[k] ?? 0));
      const b = rng.logGamma(alpha + after);
      const sum = Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
      pi[k] = Math.max(Math.exp(logRemaining + a - sum), TINY);
      logRest[k] = b - sum;
      logRemaining += b - sum;
    }
    pi[K - 1] = Math.max(Math.exp(logRemaining), TINY);
    logRest[K - 1] = 0;
  }

  function drawUnobserved(miss: number): number {
    // n0 | rest ~ NegBinomial(n, 1 − π0) under p(N) ∝ 1/N, cut at the bound.
    for (let tries = 0; tries < 64; tries++) {
      const n0 = rng.negativeBinomial(nObserved, 1 - miss);
      if (n0 <= maxUnobserved) return n0;
    }
    // Nearly all the mass lies beyond the bound: draw from the cut distribution directly.
    const logMiss = Math.log(miss);
    const logHit = Math.log1p(-miss);
    const logPmf = (x: number): number =>
      logGamma(nObserved + x) -
      logGamma(x + 1) -
      logGamma(nObserved) +
      x * logMiss +
      nObserved * logHit;
    let top = -Infinity;
    for (let x = 0; x <= maxUnobserved; x++) top = Math.max(top, logPmf(x));
    let total = 0;
    for (let x = 0; x <= maxUnobserved; x++) total += Math.exp(logPmf(x) - top);
    let u = rng.uniform() * total;
    for (let x = 0; x <= maxUnobserved; x++) {
      u -= Math.exp(logPmf(x) - top);
      if (u <= 0) return x;
    }
    return maxUnobserved;
  }

  const sweeps = burnin + samples * thin;
  const n = new Float64Array(samples);
  const classes = new Int32Array(samples);
  let kept = 0;

  for (let sweep = 1; sweep <= sweeps; sweep++) {
    // Classes of the observed, history by history.
    for (let h = 0; h < H; h++) {
      const row = h * J;
      for (let k = 0; k < K; k++) {
        let w = pi[k] ?? 0;
        for (let j = 0; j < J; j++) {
          const l = lambda[j * K + k] ?? 0;
          w *= seen[row + j] ? l : 1 - l;
        }
        weights[k] = w;
      }
      rng.multinomial(data.counts[h] ?? 0, weights, K, byHistory, h * K);
    }

    // The unobserved: how many, and their classes.
    let miss = 0;
    for (let k = 0; k < K; k++) {
      let m = pi[k] ?? 0;
      for (let j = 0; j < J; j++) m *= 1 - (lambda[j * K + k] ?? 0);
      missProb[k] = m;
      miss += m;
    }
    miss = Math.min(miss, 1 - 1e-15);
    const unobserved = drawUnobserved(miss);
    rng.multinomial(unobserved, missProb, K, unseenByClass, 0);

    // Capture probabilities from the class counts.
    classSize.fill(0);
    onList.fill(0);
    for (let h = 0; h < H; h++) {
      for (let k = 0; k < K; k++) {
        const c = byHistory[h * K + k] ?? 0;
        if (c === 0) continue;
        classSize[k] = (classSize[k] ?? 0) + c;
        for (let j = 0; j < J; j++)
          if (seen[h * J + j]) onList[j * K + k] = (onList[j * K + k] ?? 0) + c;
      }
    }
    for (let k = 0; k < K; k++) classSize[k] = (classSize[k] ?? 0) + (unseenByClass[k] ?? 0);
    for (let j = 0; j < J; j++)
      for (let k = 0; k < K; k++) {
        const on = onList[j * K + k] ?? 0;
        lambda[j * K + k] = rng.beta(1 + on, 1 + (classSize[k] ?? 0) - on);
      }

    drawWeights(classSize);

    let sumLogRest = 0;
    for (let k = 0; k < K - 1; k++) sumLogRest += logRest[k] ?? 0;
    if (sweep > WARM_UP)
      alpha = Math.max(rng.gamma(settings.aAlpha + K - 1) / (settings.bAlpha - sumLogRest), TINY);

    if (sweep > burnin && (sweep - burnin) % thin === 0) {
      n[kept] = nObserved + unobserved;
      let occupied = 0;
      for (let k = 0; k < K; k++) if ((classSize[k] ?? 0) > 0) occupied++;
      classes[kept] = occupied;
      kept++;
    }
    if (onProgress && sweep % PROGRESS_EVERY === 0) onProgress(sweep, sweeps);
  }
  onProgress?.(sweeps, sweeps);
  return { n, classes, seed: settings.seed };
}

/** The observed histories of a table indexed by bit mask (index 0, the unobserved, skipped). */
export function historiesOf(lists: number, counts: ArrayLike<number>): CaptureHistories {
  const masks: number[] = [];
  const kept: number[] = [];
  for (let m = 1; m < 1 << lists; m++) {
    const c = counts[m] ?? 0;
    if (c > 0) {
      masks.push(m);
      kept.push(c);
    }
  }
  return { lists, masks, counts: kept };
}
