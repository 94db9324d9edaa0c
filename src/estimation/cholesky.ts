/**
 * Dense Cholesky factorisation for the small symmetric positive-definite systems of the
 * Newton steps (at most 2^k parameters, 22 for the largest model searched with six lists).
 * Matrices are row-major `Float64Array`s of size p × p so that one buffer serves every model
 * of a search without allocation.
 */

/**
 * Replaces the lower triangle of `a` (p × p) by L with A = L Lᵀ. Returns false when a pivot
 * is not clearly positive relative to its diagonal entry: the matrix is singular to working
 * precision, which for a log-linear fit means the parameters are not identifiable.
 */
export function choleskyInPlace(a: Float64Array, p: number, relTol = 1e-11): boolean {
  for (let j = 0; j < p; j++) {
    const rowJ = j * p;
    const original = a[rowJ + j] ?? 0;
    let d = original;
    for (let m = 0; m < j; m++) {
      const l = a[rowJ + m] ?? 0;
      d -= l * l;
    }
    if (!(d > relTol * Math.abs(original)) || !(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      const rowI = i * p;
      let s = a[rowI + j] ?? 0;
      for (let m = 0; m < j; m++) s -= (a[rowI + m] ?? 0) * (a[rowJ + m] ?? 0);
      a[rowI + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L Lᵀ x = b in place in `b`, with L from `choleskyInPlace`. */
export function choleskySolveInPlace(l: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    const row = i * p;
    let s = b[i] ?? 0;
    for (let m = 0; m < i; m++) s -= (l[row + m] ?? 0) * (b[m] ?? 0);
    b[i] = s / (l[row + i] ?? 1);
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i] ?? 0;
    for (let m = i + 1; m < p; m++) s -= (l[m * p + i] ?? 0) * (b[m] ?? 0);
    b[i] = s / (l[i * p + i] ?? 1);
  }
}

/**
 * The first diagonal entry of A⁻¹, i.e. the variance of the intercept when A is the Fisher
 * information: (A⁻¹)₀₀ = ‖L⁻¹ e₀‖², one forward substitution instead of a full inverse.
 * `work` needs p entries.
 */
export function choleskyInverseFirstDiagonal(
  l: Float64Array,
  p: number,
  work: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < p; i++) {
    const row = i * p;
    let s = i === 0 ? 1 : 0;
    for (let m = 0; m < i; m++) s -= (l[row + m] ?? 0) * (work[m] ?? 0);
    const v = s / (l[row + i] ?? 1);
    work[i] = v;
    sum += v * v;
  }
  return sum;
}
