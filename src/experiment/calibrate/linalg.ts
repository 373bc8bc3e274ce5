/**
 * Small dense linear algebra for calibration: the Cholesky factor ABC-SMC's kernel needs, and the
 * triangular solves a Gaussian-process emulator needs. Matrices the emulator builds are row-major
 * Float64Arrays (n up to a thousand or so), so the inner loops run over contiguous memory; the
 * nested-array form is kept for the callers that think in rows (abc.ts).
 *
 * No pivoting and no library: every matrix factored here is symmetric positive-definite by
 * construction (a covariance, or a correlation matrix plus a nugget), and the loop order is fixed,
 * so results are bit-for-bit reproducible.
 */

/** In-place lower Cholesky factor of the n×n row-major matrix `a` (its upper triangle is zeroed); false if `a` is not positive-definite. */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= a[ri + k]! * a[rj + k]!;
      if (i === j) {
        if (!(s > 0)) return false;
        a[ri + i] = Math.sqrt(s);
      } else a[ri + j] = s / a[rj + j]!;
    }
    for (let j = i + 1; j < n; j++) a[ri + j] = 0;
  }
  return true;
}

/** Lower Cholesky factor of a symmetric positive-definite matrix, or undefined if it is not. */
export function cholesky(a: number[][]): number[][] | undefined {
  const n = a.length;
  const flat = new Float64Array(n * n);
  a.forEach((row, i) => row.forEach((x, j) => (flat[i * n + j] = x)));
  if (!choleskyInPlace(flat, n)) return undefined;
  return Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * n, i * n + n)));
}

/** Solves L y = b for lower-triangular L (row-major n×n); b is overwritten with y. */
export function forwardSolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[ri + k]! * b[k]!;
    b[i] = s / l[ri + i]!;
  }
  return b;
}

/** Solves Lᵀ x = y for lower-triangular L (row-major n×n); y is overwritten with x. */
export function backSolve(l: Float64Array, n: number, y: Float64Array): Float64Array {
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  return y;
}

/** Solves A x = b with A's lower Cholesky factor L: a forward then a back substitution, on a copy of b. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  return backSolve(l, n, forwardSolve(l, n, Float64Array.from(b)));
}

/** Σ log L_ii: half the log-determinant of the matrix L factors. */
export function halfLogDet(l: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(l[i * n + i]!);
  return s;
}

/** L⁻¹ for lower-triangular L (row-major n×n), itself lower-triangular. */
export function invertLower(l: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    // Column j of L⁻¹: forward substitution against the unit vector e_j, which is zero above row j.
    inv[j * n + j] = 1 / l[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s -= l[ri + k]! * inv[k * n + j]!;
      inv[ri + j] = s / l[ri + i]!;
    }
  }
  return inv;
}
