import { logGamma } from '../log-gamma.js';

/*
 * The random draws of the LCMCR sampler, from a seeded xoshiro128** generator so that a chain
 * is reproducible from its seed on any machine. Written here because the engine has no
 * dependencies and because these draws sit in the innermost loop: each is the textbook
 * method (Marsaglia–Tsang gammas, PTRS Poissons, inversion and beta-splitting binomials).
 */

const TWO_POW_26 = 2 ** 26;
const TWO_POW_M53 = 2 ** -53;
const TWO_POW_M32 = 2 ** -32;
// Below this mean a binomial is drawn by inversion; above it, split by a beta order statistic.
const INVERSION_MEAN = 16;

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: number) {
    // splitmix32 spreads any seed (0, 1, 2…) over the whole state.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** 32 random bits. */
  private bits(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    return ((this.bits() >>> 5) * TWO_POW_26 + (this.bits() >>> 6)) * TWO_POW_M53;
  }

  /** Uniform on (0, 1): safe to take the logarithm of. */
  open(): number {
    let u = 0;
    while (u === 0) u = (this.bits() + 0.5) * TWO_POW_M32;
    return u;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Gamma(shape, rate 1) by Marsaglia and Tsang (2000); shape < 1 by boosting. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.open(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = 0;
      let v = 0;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.open();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /**
   * log of a Gamma(shape, 1) draw, finite even where the draw itself underflows (a shape of
   * 0.001 gives draws like e^-700): the stick-breaking weights need those logarithms.
   */
  logGamma(shape: number): number {
    if (shape < 1) return Math.log(this.gamma(shape + 1)) + Math.log(this.open()) / shape;
    return Math.log(this.gamma(shape));
  }

  beta(a: number, b: number): number {
    // Exact shortcuts for the common draws of empty classes (Beta(1, 1) is the λ of a class
    // nobody is in) and of sticks with one side 1: a uniform instead of two gammas.
    if (a === 1) return b === 1 ? this.uniform() : 1 - Math.pow(this.open(), 1 / b);
    if (b === 1) return Math.pow(this.open(), 1 / a);
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** Binomial(n, p). */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    let x = 0;
    let m = n;
    let q = p;
    // Knuth's splitting: the a-th smallest of m uniforms is Beta(a, m + 1 - a); the count of
    // uniforms below q is then a binomial on one side of it, with fewer trials.
    while (m * Math.min(q, 1 - q) > INVERSION_MEAN) {
      const a = 1 + (m >> 1);
      const b = m + 1 - a;
      const y = this.beta(a, b);
      if (y >= q) {
        m = a - 1;
        q = q / y;
      } else {
        x += a;
        m = b - 1;
        q = (q - y) / (1 - y);
      }
    }
    return x + this.binomialInversion(m, q);
  }

  private binomialInversion(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomialInversion(n, 1 - p);
    const q = 1 - p;
    const qn = Math.exp(n * Math.log1p(-p));
    const ratio = p / q;
    const mean = n * p;
    const bound = Math.min(n, Math.floor(mean + 10 * Math.sqrt(mean * q + 1)));
    for (;;) {
      let x = 0;
      let px = qn;
      let u = this.uniform();
      while (u > px) {
        x++;
        if (x > bound) break;
        u -= px;
        px *= ((n - x + 1) * ratio) / x;
      }
      if (x <= bound) return x;
    }
  }

  /** Poisson(mean): multiplication for small means, PTRS (Hörmann 1993) above. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean < 10) {
      const limit = Math.exp(-mean);
      let k = 0;
      let prod = this.uniform();
      while (prod > limit) {
        k++;
        prod *= this.uniform();
      }
      return k;
    }
    const slam = Math.sqrt(mean);
    const loglam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
        -mean + k * loglam - logGamma(k + 1)
      )
        return k;
    }
  }

  /**
   * Negative binomial: the number of failures before `size` successes of probability p, as
   * a gamma-mixed Poisson.
   */
  negativeBinomial(size: number, p: number): number {
    if (p >= 1) return 0;
    return this.poisson(this.gamma(size) * ((1 - p) / p));
  }

  /**
   * Spreads `n` over categories with the given (unnormalised, non-negative) weights into
   * `out` at `offset`. Small counts are drawn one by one, larger ones as a chain of
   * conditional binomials.
   */
  multinomial(n: number, weights: Float64Array, k: number, out: Int32Array, offset: number): void {
    let total = 0;
    for (let i = 0; i < k; i++) total += weights[i] ?? 0;
    for (let i = 0; i < k; i++) out[offset + i] = 0;
    if (n === 0) return;
    if (n <= 2 * k) {
      for (let r = 0; r < n; r++) {
        let u = this.uniform() * total;
        let i = 0;
        for (; i < k - 1; i++) {
          u -= weights[i] ?? 0;
          if (u < 0) break;
        }
        out[offset + i] = (out[offset + i] ?? 0) + 1;
      }
      return;
    }
    let left = n;
    let rest = total;
    for (let i = 0; i < k - 1 && left > 0; i++) {
      const w = weights[i] ?? 0;
      const x = rest > 0 ? this.binomial(left, Math.min(1, w / rest)) : 0;
      out[offset + i] = x;
      left -= x;
      rest -= w;
    }
    out[offset + k - 1] = (out[offset + k - 1] ?? 0) + left;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
