/**
 * A Gaussian-process emulator (Sacks et al. 1989; Kennedy & O'Hagan 2001; Rasmussen & Williams
 * 2006): a cheap statistical stand-in for one output of the simulator, giving at any input a
 * prediction and how uncertain it is. History matching (history-matching.ts) asks it about tens of
 * thousands of parameter sets that are never simulated.
 *
 * The model: y(x) = h(x)ᵀβ + u(x) + ε, where
 * - h(x)ᵀβ is a constant or a linear trend in the inputs (the regression part; β by generalised
 *   least squares, so it is consistent with the GP rather than fitted first and forgotten);
 * - u is a zero-mean Gaussian process with variance σ² and a squared-exponential or Matérn 5/2
 *   correlation with one length scale per input (inputs scaled to [0, 1] over the design, so the
 *   length scales compare across inputs and the optimiser's bounds mean the same for every input);
 * - ε is the nugget, variance σ²·g: the simulator's own run-to-run noise (every run has its own
 *   seed), which also keeps the correlation matrix well conditioned.
 * Length scales and g maximise the restricted (REML) marginal likelihood with σ² profiled out; REML
 * rather than plain likelihood because it accounts for the trend's estimated coefficients, which
 * matters with the few dozen runs a wave may have. The optimiser is deterministic: a fixed grid of
 * starts, then Nelder–Mead from the best two.
 *
 * `predict(x)` gives the mean and the variance of the simulator's *expected* output at x (the
 * latent function h(x)ᵀβ + u(x), the β uncertainty included); `noiseVariance` is what one run adds.
 */
import { backSolve, choleskyInPlace, forwardSolve, halfLogDet, invertLower } from './linalg.js';
import { nelderMead } from './nelder-mead.js';

export type Kernel = 'matern52' | 'sqexp';
export type MeanForm = 'constant' | 'linear';

export interface EmulatorOptions {
  /** Correlation function (default Matérn 5/2: smooth, but less overconfident away from data and better conditioned than the squared exponential). */
  kernel?: Kernel;
  /** Regression part; 'auto' (default) takes a linear trend when there are at least four runs per coefficient, else a constant. */
  mean?: MeanForm | 'auto';
  /** A fixed nugget as a share of σ² (for a deterministic function); by default estimated, no lower than minNugget. */
  nugget?: number;
  minNugget?: number;
  /** Hyperparameters are chosen on at most this many runs (evenly spaced through the list), then the emulator conditions on all of them. */
  maxFitPoints?: number;
}

/** Leave-one-out diagnostics (Bastos & O'Hagan 2009): each run predicted from all the others, its error standardised by the predictive SD. */
export interface LooDiagnostics {
  n: number;
  /** Root mean square of the LOO errors, on the output's scale. */
  rmse: number;
  /** Mean and root mean square of the standardised errors: near 0 and 1 for a well-calibrated emulator. */
  meanStandardised: number;
  rmsStandardised: number;
  /** Share of standardised errors within ±2 (about 95% expected). */
  within2: number;
  /** How many standardised errors exceed 3 in size (0.3% expected): the emulator is overconfident where they do. */
  outside3: number;
  maxAbsStandardised: number;
}

export interface Prediction {
  mean: number;
  variance: number;
}

export interface Emulator {
  readonly dim: number;
  readonly n: number;
  readonly kernel: Kernel;
  readonly meanForm: MeanForm;
  /** Length scales in units of the scaled inputs (the design's range of each input is 1). */
  readonly lengthScales: number[];
  readonly signalVariance: number;
  /** The nugget variance σ²g: one run's noise about the expected output. */
  readonly noiseVariance: number;
  /** Regression coefficients on the scaled inputs (constant first). */
  readonly beta: number[];
  /** The restricted log marginal likelihood at the chosen hyperparameters. */
  readonly logLikelihood: number;
  predict(x: ArrayLike<number>): Prediction;
  /** The mean alone (cheaper: no triangular solve). */
  predictMean(x: ArrayLike<number>): number;
  /**
   * An upper bound on predict(x).variance at the cost of a p×p solve: σ²(1 + (|M⁻¹h(x)| + 1)²), because
   * kᵀR⁻¹k ≤ 1 and M⁻¹Wᵀ has orthonormal rows. Lets history matching rule a point out from its mean alone.
   */
  varianceBound(x: ArrayLike<number>): number;
  /** Standardised leave-one-out errors per run, and their summary. */
  loo(): { standardised: number[]; errors: number[]; diagnostics: LooDiagnostics };
}

const LOG_L_MIN = Math.log(0.02), LOG_L_MAX = Math.log(50);
const LOG_G_MAX = Math.log(10);
const SQRT5 = Math.sqrt(5);

function correlation(kernel: Kernel, r2: number): number {
  if (kernel === 'sqexp') return Math.exp(-0.5 * r2);
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

/** Scaled design, outputs and regressors: what both the fit and the final factorisation need. */
interface Design {
  u: Float64Array[];
  y: Float64Array;
  h: Float64Array[];
}

/** The factorisation at given hyperparameters (σ² profiled out). */
interface Factored {
  n: number;
  p: number;
  /** Cholesky factor of R + gI. */
  l: Float64Array;
  /** L⁻¹H, n×p row-major. */
  w: Float64Array;
  /** Cholesky factor of A = HᵀR⁻¹H (p×p). */
  m: Float64Array;
  beta: Float64Array;
  /** R⁻¹(y − Hβ). */
  alpha: Float64Array;
  sigma2: number;
  reml: number;
}

/** Factors R + gI for inverse length scales `inv` and nugget g; undefined if it is numerically singular. */
function factor(d: Design, kernel: Kernel, inv: number[], g: number): Factored | undefined {
  const n = d.u.length, p = d.h[0]!.length, dim = inv.length;
  if (n <= p) return undefined;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ui = d.u[i]!;
    for (let j = 0; j < i; j++) {
      const uj = d.u[j]!;
      let r2 = 0;
      for (let k = 0; k < dim; k++) {
        const t = (ui[k]! - uj[k]!) * inv[k]!;
        r2 += t * t;
      }
      l[i * n + j] = correlation(kernel, r2);
    }
    l[i * n + i] = 1 + g;
  }
  if (!choleskyInPlace(l, n)) return undefined;
  // W = L⁻¹H column by column, then A = WᵀW and its own factor.
  const w = new Float64Array(n * p);
  const col = new Float64Array(n);
  for (let c = 0; c < p; c++) {
    for (let i = 0; i < n; i++) col[i] = d.h[i]![c]!;
    forwardSolve(l, n, col);
    for (let i = 0; i < n; i++) w[i * p + c] = col[i]!;
  }
  const m = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i * p + a]! * w[i * p + b]!;
      m[a * p + b] = s;
    }
  if (!choleskyInPlace(m, p)) return undefined;
  const z = forwardSolve(l, n, Float64Array.from(d.y));
  // β = A⁻¹Wᵀz, residual r = z − Wβ (whitened), α = L⁻ᵀr = R⁻¹(y − Hβ).
  const wtz = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i * p + c]! * z[i]!;
    wtz[c] = s;
  }
  const beta = backSolve(m, p, forwardSolve(m, p, wtz));
  const r = new Float64Array(n);
  let q = 0;
  for (let i = 0; i < n; i++) {
    let s = z[i]!;
    for (let c = 0; c < p; c++) s -= w[i * p + c]! * beta[c]!;
    r[i] = s;
    q += s * s;
  }
  const sigma2 = q / (n - p);
  if (!(sigma2 > 0)) return undefined;
  const reml = -0.5 * (n - p) * Math.log(sigma2) - halfLogDet(l, n) - halfLogDet(m, p);
  return { n, p, l, w, m, beta, alpha: backSolve(l, n, r), sigma2, reml };
}

/** Hyperparameters [log ℓ₁ … log ℓ_d, log g] maximising the REML on (a subset of) the design. */
function chooseHyperparameters(d: Design, kernel: Kernel, o: EmulatorOptions): number[] {
  const dim = d.u[0]!.length;
  const logGMin = Math.log(o.minNugget ?? 1e-8);
  const fixedG = o.nugget !== undefined;
  const maxFit = o.maxFitPoints ?? 200;
  const n = d.u.length;
  const idx = n <= maxFit ? [...Array(n).keys()] : Array.from({ length: maxFit }, (_, i) => Math.floor((i * n) / maxFit));
  const sub: Design = { u: idx.map((i) => d.u[i]!), y: Float64Array.from(idx, (i) => d.y[i]!), h: idx.map((i) => d.h[i]!) };
  const split = (t: number[]) => ({ inv: t.slice(0, dim).map((x) => Math.exp(-x)), g: fixedG ? o.nugget! : Math.exp(t[dim]!) });
  const objective = (t: number[]) => {
    if (t.slice(0, dim).some((x) => x < LOG_L_MIN || x > LOG_L_MAX)) return Number.POSITIVE_INFINITY;
    if (!fixedG && (t[dim]! < logGMin || t[dim]! > LOG_G_MAX)) return Number.POSITIVE_INFINITY;
    const { inv, g } = split(t);
    const f = factor(sub, kernel, inv, g);
    return f ? -f.reml : Number.POSITIVE_INFINITY;
  };
  // A fixed grid of starts: a common length scale (short, middling, long) × a nugget (none to mostly noise).
  const starts: number[][] = [];
  for (const ls of [0.15, 0.4, 1])
    for (const g of fixedG ? [0] : [1e-6, 1e-3, 0.05, 0.5]) starts.push([...Array(dim).fill(Math.log(ls)), ...(fixedG ? [] : [Math.max(Math.log(g), logGMin)])]);
  const ranked = starts.map((x) => ({ x, v: objective(x) })).sort((a, b) => a.v - b.v);
  const k = starts[0]!.length;
  const best = ranked
    .slice(0, 2)
    .map((s) => nelderMead(objective, s.x, { step: 0.7, maxEvaluations: 40 * (k + 1), tolerance: 1e-4 }))
    .sort((a, b) => a.value - b.value)[0]!;
  if (!Number.isFinite(best.value)) throw new Error('emulator: no hyperparameters give a positive-definite correlation matrix');
  return fixedG ? [...best.x, Math.log(o.nugget!)] : best.x;
}

/** A constant output (every run the same): predicted exactly, with no uncertainty. */
function constantEmulator(dim: number, n: number, kernel: Kernel, y0: number): Emulator {
  const loo = { n, rmse: 0, meanStandardised: 0, rmsStandardised: 0, within2: 1, outside3: 0, maxAbsStandardised: 0 };
  return {
    dim,
    n,
    kernel,
    meanForm: 'constant',
    lengthScales: Array(dim).fill(Number.POSITIVE_INFINITY),
    signalVariance: 0,
    noiseVariance: 0,
    beta: [y0],
    logLikelihood: Number.POSITIVE_INFINITY,
    predict: () => ({ mean: y0, variance: 0 }),
    predictMean: () => y0,
    varianceBound: () => 0,
    loo: () => ({ standardised: Array(n).fill(0), errors: Array(n).fill(0), diagnostics: loo }),
  };
}

/** Fits an emulator to runs at inputs xs (any units; scaled to [0, 1] over the design) with outputs ys. */
export function fitEmulator(xs: ArrayLike<number>[], ys: ArrayLike<number>, o: EmulatorOptions = {}): Emulator {
  const n = xs.length, dim = xs[0]?.length ?? 0;
  const kernel = o.kernel ?? 'matern52';
  if (n < 3 || ys.length !== n) throw new Error(`emulator: needs at least 3 runs with one output each, got ${n} and ${ys.length}`);
  const lo = Array.from({ length: dim }, (_, k) => Math.min(...xs.map((x) => x[k]!)));
  const width = Array.from({ length: dim }, (_, k) => Math.max(...xs.map((x) => x[k]!)) - lo[k]! || 1);
  const scale = (x: ArrayLike<number>) => Float64Array.from({ length: dim }, (_, k) => (x[k]! - lo[k]!) / width[k]!);
  const y = Float64Array.from(ys);
  if (y.every((v) => v === y[0])) return constantEmulator(dim, n, kernel, y[0]!);
  const meanForm: MeanForm = o.mean === 'auto' || o.mean === undefined ? (n >= 4 * (dim + 1) ? 'linear' : 'constant') : o.mean;
  const regressors = (u: Float64Array) => (meanForm === 'linear' ? Float64Array.from([1, ...u]) : Float64Array.of(1));
  const u = xs.map(scale);
  const design: Design = { u, y, h: u.map(regressors) };
  const t = chooseHyperparameters(design, kernel, o);
  const inv = t.slice(0, dim).map((x) => Math.exp(-x));
  let g = Math.exp(t[dim]!);
  let f = factor(design, kernel, inv, g);
  // Hyperparameters chosen on a subset may leave the whole design's matrix singular (runs repeated at one
  // point, which history matching allows: each has its own seed): more nugget until it factors.
  for (let tries = 0; !f && tries < 30; tries++) f = factor(design, kernel, inv, (g = Math.max(10 * g, 1e-8)));
  if (!f) throw new Error('emulator: the correlation matrix of all runs is singular at the chosen hyperparameters');
  return assemble(design, f, { dim, kernel, meanForm, inv, g, scale, regressors });
}

/** The fitted emulator's predictions and diagnostics from its factorisation. */
function assemble(
  d: Design,
  f: Factored,
  c: { dim: number; kernel: Kernel; meanForm: MeanForm; inv: number[]; g: number; scale: (x: ArrayLike<number>) => Float64Array; regressors: (u: Float64Array) => Float64Array },
): Emulator {
  const { n, p, l, w, m, beta, alpha, sigma2 } = f;
  const corr = (u: Float64Array) => {
    const k = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const ui = d.u[i]!;
      let r2 = 0;
      for (let j = 0; j < c.dim; j++) {
        const t = (u[j]! - ui[j]!) * c.inv[j]!;
        r2 += t * t;
      }
      k[i] = correlation(c.kernel, r2);
    }
    return k;
  };
  const meanAt = (h: Float64Array, k: Float64Array) => {
    let s = 0;
    for (let a = 0; a < p; a++) s += h[a]! * beta[a]!;
    for (let i = 0; i < n; i++) s += k[i]! * alpha[i]!;
    return s;
  };
  return {
    dim: c.dim,
    n,
    kernel: c.kernel,
    meanForm: c.meanForm,
    lengthScales: c.inv.map((x) => 1 / x),
    signalVariance: sigma2,
    noiseVariance: sigma2 * c.g,
    beta: Array.from(beta),
    logLikelihood: f.reml,
    predictMean: (x) => {
      const u = c.scale(x);
      return meanAt(c.regressors(u), corr(u));
    },
    varianceBound: (x) => {
      const mh = forwardSolve(m, p, c.regressors(c.scale(x)));
      let a = 0;
      for (let i = 0; i < p; i++) a += mh[i]! * mh[i]!;
      return sigma2 * (1 + (Math.sqrt(a) + 1) ** 2);
    },
    predict: (x) => {
      const u = c.scale(x);
      const h = c.regressors(u), k = corr(u);
      const mean = meanAt(h, k);
      // Var = σ²(1 − kᵀR⁻¹k + qᵀA⁻¹q), q = h − HᵀR⁻¹k: the GP's variance plus the trend's.
      const v = forwardSolve(l, n, k);
      let vv = 0;
      for (let i = 0; i < n; i++) vv += v[i]! * v[i]!;
      const q = new Float64Array(p);
      for (let a = 0; a < p; a++) {
        let s = h[a]!;
        for (let i = 0; i < n; i++) s -= w[i * p + a]! * v[i]!;
        q[a] = s;
      }
      const mq = forwardSolve(m, p, q);
      let qq = 0;
      for (let a = 0; a < p; a++) qq += mq[a]! * mq[a]!;
      return { mean, variance: Math.max(0, sigma2 * (1 - vv + qq)) };
    },
    loo: () => leaveOneOut(f),
  };
}

/**
 * Closed-form leave-one-out with the trend re-estimated each time (Dubrule 1983): with
 * P = R⁻¹ − R⁻¹H A⁻¹ HᵀR⁻¹, run i's LOO error is (Py)ᵢ / Pᵢᵢ with variance σ² / Pᵢᵢ, noise included
 * (the left-out run is one noisy run). Py is α.
 */
function leaveOneOut(f: Factored): ReturnType<Emulator['loo']> {
  const { n, p, l, w, m, alpha, sigma2 } = f;
  const linv = invertLower(l, n);
  // R⁻¹H = L⁻ᵀW, column by column.
  const rh = new Float64Array(n * p);
  const col = new Float64Array(n);
  for (let c = 0; c < p; c++) {
    for (let i = 0; i < n; i++) col[i] = w[i * p + c]!;
    backSolve(l, n, col);
    for (let i = 0; i < n; i++) rh[i * p + c] = col[i]!;
  }
  const standardised: number[] = [], errors: number[] = [];
  for (let i = 0; i < n; i++) {
    let rii = 0;
    for (let j = i; j < n; j++) rii += linv[j * n + i]! ** 2;
    const mi = forwardSolve(m, p, rh.slice(i * p, i * p + p));
    let corr = 0;
    for (let a = 0; a < p; a++) corr += mi[a]! ** 2;
    const pii = Math.max(rii - corr, 1e-300);
    errors.push(alpha[i]! / pii);
    standardised.push(alpha[i]! / Math.sqrt(sigma2 * pii));
  }
  return { standardised, errors, diagnostics: summariseLoo(standardised, errors) };
}

export function summariseLoo(standardised: number[], errors: number[]): LooDiagnostics {
  const n = standardised.length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    n,
    rmse: Math.sqrt(mean(errors.map((e) => e * e))),
    meanStandardised: mean(standardised),
    rmsStandardised: Math.sqrt(mean(standardised.map((e) => e * e))),
    within2: standardised.filter((e) => Math.abs(e) <= 2).length / n,
    outside3: standardised.filter((e) => Math.abs(e) > 3).length,
    maxAbsStandardised: Math.max(...standardised.map(Math.abs)),
  };
}

/**
 * Whether the LOO check lets an emulator rule parameter sets out: at most 5% of runs (and at least
 * one allowed, for small waves) with a standardised error beyond ±3. An emulator that fails is
 * overconfident somewhere; trusting it could rule out the truth, so that wave does without it.
 */
export function looPasses(d: LooDiagnostics): boolean {
  return d.outside3 <= Math.max(1, Math.floor(0.05 * d.n));
}
