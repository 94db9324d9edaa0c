import { logGamma } from '../log-gamma.js';
import type { CaptureHistories } from './sampler.js';

export interface ExactPosterior {
  mean: number;
  median: number;
  q025: number;
  q975: number;
}

/*
 * With one latent class LCMCR is the independence model M_t: each list sees everyone with
 * its own probability, Beta(1, 1) a priori, and p(N) ∝ 1/N up to the sampler's bound. Its
 * posterior of N has a closed form up to a constant,
 *   p(N | data) ∝ (1/N) · N! / (N − n)! · Π_j B(n_j + 1, N − n_j + 1),
 * so it can be summed exactly over N: the reference the sampler is checked against.
 */
export function independencePosterior(
  data: CaptureHistories,
  maxUnobservedFactor = 20,
): ExactPosterior {
  const n = data.counts.reduce((a, b) => a + b, 0);
  const onList = new Array<number>(data.lists).fill(0);
  data.masks.forEach((mask, h) => {
    for (let j = 0; j < data.lists; j++)
      if ((mask >> j) & 1) onList[j] = (onList[j] ?? 0) + (data.counts[h] ?? 0);
  });
  const top = n * (1 + maxUnobservedFactor);
  const logPost = new Float64Array(top - n + 1);
  let best = -Infinity;
  for (let N = n; N <= top; N++) {
    let lp = -Math.log(N) + logGamma(N + 1) - logGamma(N - n + 1);
    for (const nj of onList) lp += logGamma(nj + 1) + logGamma(N - nj + 1) - logGamma(N + 2);
    logPost[N - n] = lp;
    best = Math.max(best, lp);
  }
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < logPost.length; i++) {
    const p = Math.exp((logPost[i] ?? -Infinity) - best);
    total += p;
    weighted += p * (n + i);
  }
  const at = (q: number): number => {
    let cumulative = 0;
    for (let i = 0; i < logPost.length; i++) {
      cumulative += Math.exp((logPost[i] ?? -Infinity) - best) / total;
      if (cumulative >= q) return n + i;
    }
    return top;
  };
  return { mean: weighted / total, median: at(0.5), q025: at(0.025), q975: at(0.975) };
}
