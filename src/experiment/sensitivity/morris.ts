/**
 * Morris (1991) elementary effects screening, with μ* (Campolongo, Cariboni & Saltelli 2007):
 * r random one-factor-at-a-time trajectories on a p-level grid, each costing k + 1 model runs.
 * μ* ranks inputs by overall influence; σ large relative to |μ| flags non-linearity or interaction.
 */
import { deviation, mean, quantile } from 'd3-array';
import { shuffle, stream } from '../../core/rng.js';

export interface MorrisDesign {
  /** Number of inputs. */
  k: number;
  /** Number of trajectories. */
  r: number;
  /** Grid levels p: inputs take values j/(p − 1), j = 0..p − 1. */
  levels: number;
  /** Step Δ = p / (2(p − 1)). */
  delta: number;
  /** r·(k+1) points in [0, 1]^k; trajectory t is points[t(k+1)] .. points[t(k+1) + k]. */
  points: Float64Array[];
  /** factors[t·k + j]: the input changed at step j of trajectory t (from its point j to j + 1). */
  factors: Int32Array;
  /** signs[t·k + j]: +1 if that step adds Δ, −1 if it subtracts Δ. */
  signs: Int8Array;
}

/**
 * r Morris trajectories for k inputs (Morris 1991's B* construction, as in Campolongo et al. 2007): a
 * random base point on the grid, then each input in random order moved once by Δ in a random
 * direction. The base levels are drawn from those that leave room for the step, so every point
 * stays in [0, 1]. p must be even, so that Δ is a whole number (p/2) of grid steps and each
 * level is visited equally often. Draws come from stream(seed, 'sensitivity/morris-design').
 */
export function morrisDesign(k: number, r: number, opts: { seed: number | string; levels?: number }): MorrisDesign {
  const p = opts.levels ?? 4;
  if (!Number.isInteger(k) || k < 1) throw new Error(`Morris design needs a whole number of inputs ≥ 1, got ${k}`);
  if (!Number.isInteger(r) || r < 1) throw new Error(`Morris design needs a whole number of trajectories ≥ 1, got ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new Error(`Morris design needs an even number of levels ≥ 2, got ${p}`);
  const half = p / 2; // Δ in grid steps
  const delta = p / (2 * (p - 1));
  const rng = stream(opts.seed, 'sensitivity/morris-design');
  const points: Float64Array[] = [];
  const factors = new Int32Array(r * k);
  const signs = new Int8Array(r * k);
  const level = new Int32Array(k); // current point in grid steps, so the coordinates stay exact multiples of 1/(p − 1)
  const dir = new Int8Array(k); // each input's direction in this trajectory
  for (let t = 0; t < r; t++) {
    // The trajectory visits, for each input, its base level b and b + p/2; b ∈ {0, …, p/2 − 1}.
    for (let i = 0; i < k; i++) {
      const base = rng.int(half);
      dir[i] = rng.next() < 0.5 ? -1 : 1;
      level[i] = dir[i]! > 0 ? base : base + half;
    }
    const order = Int32Array.from({ length: k }, (_, i) => i);
    shuffle(order, rng);
    const toPoint = () => Float64Array.from(level, (l) => l / (p - 1));
    points.push(toPoint());
    for (let j = 0; j < k; j++) {
      const i = order[j]!;
      const s = dir[i]!;
      level[i] = level[i]! + s * half;
      factors[t * k + j] = i;
      signs[t * k + j] = s;
      points.push(toPoint());
    }
  }
  return { k, r, levels: p, delta, points, factors, signs };
}

export interface MorrisIndex {
  /** Mean elementary effect: signed, so effects of opposite sign cancel. */
  mu: number;
  /** Mean absolute elementary effect, the screening measure. */
  muStar: number;
  /** Standard deviation of the elementary effects (NaN for a single trajectory). */
  sigma: number;
  /** Percentile bootstrap interval of μ* over trajectories (NaN without bootstrap). */
  muStarLo: number;
  muStarHi: number;
}

/**
 * μ, μ* and σ of each input from the outputs y (one per design point, same order). The
 * elementary effect is EE = (y(x + Δe_i) − y(x)) / Δ in the unit cube, i.e. per unit of the
 * input scaled to [0, 1]; it carries the output's units, so callers should report μ* relative to
 * the output's scale. Optional bootstrap resamples whole trajectories, the same resample for
 * all inputs, from stream(seed, 'sensitivity/morris-bootstrap').
 */
export function morrisIndices(
  design: MorrisDesign,
  y: ArrayLike<number>,
  opts: { bootstrap?: number; seed?: number | string; level?: number } = {},
): MorrisIndex[] {
  const { k, r, delta, factors, signs } = design;
  if (y.length !== r * (k + 1)) throw new Error(`expected ${r * (k + 1)} outputs, got ${y.length}`);
  for (let j = 0; j < y.length; j++) if (!Number.isFinite(y[j]!)) throw new Error('Morris indices need finite outputs');
  // ee[i][t]: the elementary effect of input i in trajectory t.
  const ee = Array.from({ length: k }, () => new Float64Array(r));
  for (let t = 0; t < r; t++) {
    for (let j = 0; j < k; j++) {
      const at = t * (k + 1) + j;
      const step = t * k + j;
      // A step of −Δ from x to x' is a step of +Δ from x' to x: divide by the signed step.
      ee[factors[step]!]![t] = (y[at + 1]! - y[at]!) / (signs[step]! * delta);
    }
  }
  const B = opts.bootstrap ?? 0;
  const level = opts.level ?? 0.95;
  if (!Number.isInteger(B) || B < 0) throw new Error(`bootstrap must be a whole number ≥ 0, got ${B}`);
  if (!(level > 0 && level < 1)) throw new Error(`level must be in (0, 1), got ${level}`);
  if (B > 0 && opts.seed === undefined) throw new Error('a bootstrap needs a seed');
  const boot = Array.from({ length: k }, () => new Float64Array(B));
  if (B > 0) {
    const rng = stream(opts.seed!, 'sensitivity/morris-bootstrap');
    const sums = new Float64Array(k);
    for (let rep = 0; rep < B; rep++) {
      sums.fill(0);
      for (let t = 0; t < r; t++) {
        const u = rng.int(r);
        for (let i = 0; i < k; i++) sums[i] = sums[i]! + Math.abs(ee[i]![u]!);
      }
      for (let i = 0; i < k; i++) boot[i]![rep] = sums[i]! / r;
    }
  }
  const lo = (1 - level) / 2;
  return ee.map((e, i) => {
    const b = boot[i]!;
    return {
      mu: mean(e) ?? Number.NaN,
      muStar: mean(e, Math.abs) ?? Number.NaN,
      sigma: deviation(e) ?? Number.NaN,
      muStarLo: B > 0 ? quantile(b, lo)! : Number.NaN,
      muStarHi: B > 0 ? quantile(b, 1 - lo)! : Number.NaN,
    };
  });
}
