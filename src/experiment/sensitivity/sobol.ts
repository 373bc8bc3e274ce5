/**
 * Variance-based (Sobol') sensitivity indices from a Saltelli design: first-order indices by the
 * Saltelli et al. (2010) estimator, total indices by Jansen's (1999), both as recommended in
 * Saltelli et al. (2010) Table 2, with percentile bootstrap intervals over the design rows.
 */
import { quantile } from 'd3-array';
import { stream } from '../../core/rng.js';
import { SOBOL_MAX_DIMS, sobolPoints } from './sobol-sequence.js';

/** Where a design point belongs: matrix A, B, or AB_i (A with column `input` from B), and its row. */
export interface SaltelliLocation {
  matrix: 'A' | 'B' | 'AB';
  /** The input whose column AB_i takes from B (0-based); null for A and B. */
  input: number | null;
  row: number;
}

export interface SaltelliDesign {
  /** Number of inputs. */
  k: number;
  /** Rows per matrix. */
  n: number;
  /** n·(k+2) points in [0, 1)^k, in blocks of n rows: A, B, AB_0, …, AB_{k−1}. */
  points: Float64Array[];
  /** The block and row of points[index]. */
  locate(index: number): SaltelliLocation;
  /** Cut model outputs, in the order of `points`, into the arguments of sobolIndices. */
  split(y: ArrayLike<number>): { yA: number[]; yB: number[]; yAB: number[][] };
}

/**
 * A Saltelli design for k inputs: A and B are the first and last k columns of n points of a
 * 2k-dimensional Sobol' sequence (so A and B are independent of each other yet each well spread),
 * starting at index `skip` (default 1: the zero point would put every input at its lower bound).
 * n a power of two keeps the Sobol' balance properties.
 */
export function saltelliDesign(k: number, n: number, skip = 1): SaltelliDesign {
  if (!Number.isInteger(k) || k < 1) throw new Error(`Saltelli design needs a whole number of inputs ≥ 1, got ${k}`);
  if (2 * k > SOBOL_MAX_DIMS) throw new Error(`Saltelli design supports at most ${SOBOL_MAX_DIMS / 2} inputs (2k Sobol' dimensions), got ${k}`);
  if (!Number.isInteger(n) || n < 2) throw new Error(`Saltelli design needs a whole number of rows ≥ 2, got ${n}`);
  const base = sobolPoints(n, 2 * k, skip);
  const A = base.map((p) => p.slice(0, k));
  const B = base.map((p) => p.slice(k));
  const AB = Array.from({ length: k }, (_, i) =>
    A.map((a, r) => {
      const x = a.slice();
      x[i] = B[r]![i]!;
      return x;
    }),
  );
  const points = [...A, ...B, ...AB.flat()];
  const locate = (index: number): SaltelliLocation => {
    if (!Number.isInteger(index) || index < 0 || index >= points.length) throw new Error(`no design point ${index}`);
    const block = Math.floor(index / n);
    const row = index % n;
    if (block === 0) return { matrix: 'A', input: null, row };
    if (block === 1) return { matrix: 'B', input: null, row };
    return { matrix: 'AB', input: block - 2, row };
  };
  const split = (y: ArrayLike<number>) => {
    if (y.length !== points.length) throw new Error(`expected ${points.length} outputs, got ${y.length}`);
    const block = (b: number) => Array.from({ length: n }, (_, r) => y[b * n + r]!);
    return { yA: block(0), yB: block(1), yAB: Array.from({ length: k }, (_, i) => block(i + 2)) };
  };
  return { k, n, points, locate, split };
}

export interface SobolIndex {
  S1: number;
  S1lo: number;
  S1hi: number;
  ST: number;
  STlo: number;
  SThi: number;
}

export interface SobolOptions {
  /** Bootstrap resamples; 0 gives NaN interval bounds. */
  bootstrap: number;
  seed: number | string;
  /** Coverage of the percentile intervals (default 0.95). */
  level?: number;
}

/** S1 and ST of every input from the rows listed in `rows` (a bootstrap resample, or all rows). */
function estimate(yA: Float64Array, yB: Float64Array, yAB: Float64Array[], rows: Uint32Array, s1: Float64Array, st: Float64Array): void {
  const n = rows.length;
  // Var(y) from the pooled A and B outputs, which are independent draws from the input distribution.
  let sum = 0;
  for (let j = 0; j < n; j++) sum += yA[rows[j]!]! + yB[rows[j]!]!;
  const mean = sum / (2 * n);
  let ss = 0;
  for (let j = 0; j < n; j++) ss += (yA[rows[j]!]! - mean) ** 2 + (yB[rows[j]!]! - mean) ** 2;
  const variance = ss / (2 * n - 1);
  for (let i = 0; i < yAB.length; i++) {
    const ab = yAB[i]!;
    let first = 0, total = 0;
    for (let j = 0; j < n; j++) {
      const r = rows[j]!;
      first += yB[r]! * (ab[r]! - yA[r]!);
      total += (yA[r]! - ab[r]!) ** 2;
    }
    // A constant output has no variance to apportion: call every index 0 rather than 0/0.
    s1[i] = variance > 0 ? first / n / variance : 0;
    st[i] = variance > 0 ? total / n / (2 * variance) : 0;
  }
}

/**
 * Sobol' indices from the outputs on a Saltelli design: yA, yB (n each) and yAB[i] (n, for AB_i).
 * S1_i = mean(yB·(yAB_i − yA)) / Var(y) (Saltelli 2010), ST_i = mean((yA − yAB_i)²) / (2 Var(y))
 * (Jansen 1999). Intervals: percentile bootstrap over the n rows, one resample shared by all
 * indices, from stream(seed, 'sensitivity/sobol-bootstrap'). Estimates can fall slightly outside
 * [0, 1] by sampling error; they are not clipped.
 */
export function sobolIndices(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
  opts: SobolOptions,
): SobolIndex[] {
  const n = yA.length;
  const k = yAB.length;
  const level = opts.level ?? 0.95;
  if (n < 2) throw new Error(`Sobol' indices need at least 2 rows, got ${n}`);
  if (k < 1) throw new Error("Sobol' indices need at least one AB matrix");
  if (yB.length !== n || yAB.some((y) => y.length !== n)) throw new Error('yA, yB and every yAB[i] must have the same length');
  if (!Number.isInteger(opts.bootstrap) || opts.bootstrap < 0) throw new Error(`bootstrap must be a whole number ≥ 0, got ${opts.bootstrap}`);
  if (!(level > 0 && level < 1)) throw new Error(`level must be in (0, 1), got ${level}`);
  const a = Float64Array.from(yA), b = Float64Array.from(yB), ab = yAB.map((y) => Float64Array.from(y));
  for (const y of [a, b, ...ab]) if (!y.every(Number.isFinite)) throw new Error("Sobol' indices need finite outputs");

  const s1 = new Float64Array(k), st = new Float64Array(k);
  const rows = new Uint32Array(n);
  for (let j = 0; j < n; j++) rows[j] = j;
  estimate(a, b, ab, rows, s1, st);

  const B = opts.bootstrap;
  const s1Boot = Array.from({ length: k }, () => new Float64Array(B));
  const stBoot = Array.from({ length: k }, () => new Float64Array(B));
  const rng = stream(opts.seed, 'sensitivity/sobol-bootstrap');
  const bs1 = new Float64Array(k), bst = new Float64Array(k);
  for (let rep = 0; rep < B; rep++) {
    for (let j = 0; j < n; j++) rows[j] = rng.int(n);
    estimate(a, b, ab, rows, bs1, bst);
    for (let i = 0; i < k; i++) {
      s1Boot[i]![rep] = bs1[i]!;
      stBoot[i]![rep] = bst[i]!;
    }
  }
  const lo = (1 - level) / 2, hi = 1 - lo;
  const bounds = (xs: Float64Array): [number, number] => {
    if (xs.length === 0) return [Number.NaN, Number.NaN];
    return [quantile(xs, lo)!, quantile(xs, hi)!];
  };
  return Array.from({ length: k }, (_, i) => {
    const [S1lo, S1hi] = bounds(s1Boot[i]!);
    const [STlo, SThi] = bounds(stBoot[i]!);
    return { S1: s1[i]!, S1lo, S1hi, ST: st[i]!, STlo, SThi };
  });
}
