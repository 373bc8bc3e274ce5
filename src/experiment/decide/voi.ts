/**
 * The value of information for a decision between options whose net benefit (here: cases
 * averted) is known only as a sample over uncertainty draws, nb[option][draw].
 *
 * - EVPI, the expected value of perfect information: how much better, on average, a decision
 *   taken knowing the draw would do than the decision taken now — the mean over draws of the
 *   best option's value, minus the best mean. It bounds what any research could be worth.
 * - EVPPI, of partial perfect information: the same if one parameter (or a group) were known
 *   and the rest stayed uncertain. With simulation output the inner expectation — an option's
 *   mean value given the parameter — is estimated by regressing the option's values on the
 *   parameter over the draws (Strong, Oakley & Brennan 2014): here a penalised cubic regression
 *   spline (a P-spline: Eilers & Marx 1996) with its smoothness chosen by generalised
 *   cross-validation, and for a group an additive model of such splines fitted by backfitting
 *   (GAM-like, without interactions). EVPPI is then the mean over draws of the best fitted
 *   value, minus the best mean.
 *
 * Regression on a finite sample overfits a little, so an EVPPI estimate is biased upwards; the
 * EVPPI of a column of random numbers unrelated to anything (a reference) shows how large that
 * bias is for these draws.
 */

/** EVPI of a decision: mean of the best value per draw, minus the best mean value. */
export function evpi(nb: readonly (readonly number[])[]): { evpi: number; best: number; bestMean: number; meanOfMax: number } {
  const n = nb[0]?.length ?? 0;
  const means = nb.map((v) => v.reduce((s, x) => s + x, 0) / n);
  let best = 0;
  means.forEach((m, k) => {
    if (m > means[best]!) best = k;
  });
  let meanOfMax = 0;
  for (let d = 0; d < n; d++) meanOfMax += Math.max(...nb.map((v) => v[d]!)) / n;
  return { evpi: Math.max(0, meanOfMax - means[best]!), best, bestMean: means[best]!, meanOfMax };
}

/** Cholesky factor L (lower, row-major) of a symmetric positive-definite m×m matrix. */
function cholesky(a: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= l[i * m + k]! * l[j * m + k]!;
      l[i * m + j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j * m + j]!;
    }
  return l;
}

/** Solves L Lᵀ z = b. */
function cholSolve(l: Float64Array, m: number, b: Float64Array): Float64Array {
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * z[k]!;
    z[i] = s / l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * z[k]!;
    z[i] = s / l[i * m + i]!;
  }
  return z;
}

/**
 * GCV counts each effective degree of freedom 1.4 times (Kim & Gu 2004; mgcv's `gamma`): plain GCV
 * undersmooths small samples, and an EVPPI from a curve that chases single draws is inflated.
 */
const GCV_GAMMA = 1.4;

/** The smoothing parameters GCV chooses among: 10^-6 … 10^8 in quarter decades. */
const LAMBDAS = Array.from({ length: 57 }, (_, i) => 10 ** (-6 + i / 4));

/**
 * A P-spline smoother of one parameter: cubic B-splines on equally spaced knots over the
 * parameter's range, a second-difference penalty, the penalty's weight chosen by GCV for each
 * response. Everything that depends only on the parameter's values is computed once and shared by
 * every option regressed on it.
 */
export class Smoother {
  private readonly n: number;
  private readonly m: number;
  /** Basis values: 4 per draw, from basis function first[d]. */
  private readonly first: Int32Array;
  private readonly w: Float64Array;
  private readonly constant: boolean;
  private readonly fits: { l: Float64Array; edf: number }[] = [];

  constructor(x: readonly number[]) {
    const n = x.length;
    this.n = n;
    const lo = Math.min(...x), hi = Math.max(...x);
    this.constant = !(hi > lo);
    // Few knots for few draws: a curve with as many pieces as draws would chase single draws.
    const nseg = Math.min(10, Math.max(2, Math.floor(n / 10)));
    const m = nseg + 3;
    this.m = m;
    this.first = new Int32Array(n);
    this.w = new Float64Array(4 * n);
    if (this.constant) return;
    x.forEach((v, d) => {
      const u = ((v - lo) / (hi - lo)) * nseg;
      const s = Math.min(nseg - 1, Math.floor(u));
      const t = u - s;
      this.first[d] = s;
      this.w.set([(1 - t) ** 3 / 6, (3 * t ** 3 - 6 * t ** 2 + 4) / 6, (-3 * t ** 3 + 3 * t ** 2 + 3 * t + 1) / 6, t ** 3 / 6], 4 * d);
    });
    const btb = new Float64Array(m * m);
    for (let d = 0; d < n; d++)
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) btb[(this.first[d]! + a) * m + this.first[d]! + b]! += this.w[4 * d + a]! * this.w[4 * d + b]!;
    // Second differences: D is (m − 2) × m with rows (1, −2, 1); P = DᵀD.
    const p = new Float64Array(m * m);
    for (let r = 0; r < m - 2; r++) {
      const c = [1, -2, 1];
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) p[(r + a) * m + r + b]! += c[a]! * c[b]!;
    }
    const scale = n / m;
    for (const lambda of LAMBDAS) {
      const a = new Float64Array(m * m);
      for (let i = 0; i < m * m; i++) a[i] = btb[i]! + lambda * scale * p[i]!;
      for (let i = 0; i < m; i++) a[i * m + i]! += 1e-10 * (btb[i * m + i]! + 1);
      const l = cholesky(a, m);
      // edf = tr(A⁻¹ BᵀB), column by column.
      let edf = 0;
      for (let c = 0; c < m; c++) edf += cholSolve(l, m, btb.slice(c * m, c * m + m))[c]!;
      this.fits.push({ l, edf });
    }
  }

  /** The fitted values of y at smoothness `index` of LAMBDAS, and their residual sum of squares. */
  private fitAt(bty: Float64Array, y: readonly number[], index: number): { f: Float64Array; rss: number } {
    const { n, m } = this;
    const coef = cholSolve(this.fits[index]!.l, m, bty);
    const f = new Float64Array(n);
    let rss = 0;
    for (let d = 0; d < n; d++) {
      let v = 0;
      for (let a = 0; a < 4; a++) v += this.w[4 * d + a]! * coef[this.first[d]! + a]!;
      f[d] = v;
      rss += (y[d]! - v) ** 2;
    }
    return { f, rss };
  }

  /**
   * The fitted values of y (one per draw), with the smoothness GCV chooses, or the one given
   * (an index into the grid, as `lambda` returned it for an earlier fit).
   */
  smooth(y: readonly number[], fixed?: number): Float64Array {
    return this.fit(y, fixed).fitted;
  }

  /** As smooth, also returning the index of the smoothness used. */
  fit(y: readonly number[], fixed?: number): { fitted: Float64Array; lambda: number } {
    const { n, m } = this;
    const mean = y.reduce((s, v) => s + v, 0) / n;
    if (this.constant) return { fitted: new Float64Array(n).fill(mean), lambda: 0 };
    const bty = new Float64Array(m);
    for (let d = 0; d < n; d++) for (let a = 0; a < 4; a++) bty[this.first[d]! + a]! += this.w[4 * d + a]! * y[d]!;
    if (fixed !== undefined) return { fitted: this.fitAt(bty, y, fixed).f, lambda: fixed };
    let best: Float64Array | undefined;
    let bestIndex = 0;
    let bestGcv = Number.POSITIVE_INFINITY;
    this.fits.forEach(({ edf }, i) => {
      const { f, rss } = this.fitAt(bty, y, i);
      const gcv = GCV_GAMMA * edf < n - 1e-9 ? (n * rss) / (n - GCV_GAMMA * edf) ** 2 : Number.POSITIVE_INFINITY;
      if (gcv < bestGcv) {
        bestGcv = gcv;
        best = f;
        bestIndex = i;
      }
    });
    return { fitted: best ?? new Float64Array(n).fill(mean), lambda: bestIndex };
  }
}

/**
 * An additive fit of y on several parameters by backfitting (Hastie & Tibshirani 1990): each
 * smoother in turn fits what the others leave, until the fit settles. Each smoother's smoothness
 * is chosen by GCV on the first pass and kept after it, so that the passes converge.
 */
export function additiveFit(smoothers: readonly Smoother[], y: readonly number[], maxIterations = 30): Float64Array {
  const n = y.length;
  const alpha = y.reduce((s, v) => s + v, 0) / n;
  const parts = smoothers.map(() => new Float64Array(n));
  const scale = Math.max(1e-12, ...y.map((v) => Math.abs(v - alpha)));
  const lambdas: (number | undefined)[] = smoothers.map(() => undefined);
  for (let it = 0; it < maxIterations; it++) {
    let change = 0;
    smoothers.forEach((s, j) => {
      const r = y.map((v, d) => v - alpha - parts.reduce((acc, f, l) => (l === j ? acc : acc + f[d]!), 0));
      const fit = s.fit(r, lambdas[j]);
      lambdas[j] = fit.lambda;
      const f = fit.fitted;
      const fm = f.reduce((a, v) => a + v, 0) / n;
      for (let d = 0; d < n; d++) {
        const v = f[d]! - fm;
        change = Math.max(change, Math.abs(v - parts[j]![d]!));
        parts[j]![d] = v;
      }
    });
    if (change < 1e-9 * scale) break;
  }
  return Float64Array.from(y, (_, d) => alpha + parts.reduce((acc, f) => acc + f[d]!, 0));
}

/**
 * EVPPI of a parameter or group: each option's value regressed on the group's parameters (one
 * smoother each), then the mean over draws of the best fitted value minus the best mean value.
 */
export function evppi(nb: readonly (readonly number[])[], smoothers: readonly Smoother[]): number {
  const n = nb[0]?.length ?? 0;
  const fitted = nb.map((v) => (smoothers.length === 1 ? smoothers[0]!.smooth(v) : additiveFit(smoothers, v)));
  const bestMean = Math.max(...nb.map((v) => v.reduce((s, x) => s + x, 0) / n));
  let meanOfMax = 0;
  for (let d = 0; d < n; d++) meanOfMax += Math.max(...fitted.map((f) => f[d]!)) / n;
  return Math.max(0, meanOfMax - bestMean);
}
