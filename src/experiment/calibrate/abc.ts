/**
 * ABC-SMC (approximate Bayesian computation by sequential Monte Carlo; Toni et al. 2009, Beaumont
 * et al. 2009) with adaptive tolerances: each generation's tolerance is a quantile of the previous
 * generation's distances, candidates are drawn from the previous population and moved by a
 * Gaussian kernel with twice its weighted covariance, and accepted particles are weighted by
 * prior / kernel mixture so the population stays a sample of the ABC posterior.
 *
 * Pure and deterministic: every draw comes from seeded streams named by generation and batch, so
 * the same inputs give the same populations and an interrupted calibration proposes the same
 * candidates again. Simulations are asked for a batch at a time (one experiment run each).
 */
import { stream, type Stream } from '../../core/rng.js';
import { cholesky } from './linalg.js';

// Callers (and tests) have long taken the Cholesky factor from here; it now lives with the emulator's linear algebra.
export { cholesky };

export interface Prior {
  dim: number;
  sample(rng: Stream): number[];
  /** Density up to a constant; 0 outside the support. */
  density(theta: number[]): number;
}

export interface Bound {
  lo: number;
  hi: number;
  /** Log-uniform instead of uniform (for rates spanning orders of magnitude). */
  log?: boolean;
}

/** Independent uniform (or log-uniform) priors on a box. */
export function boxPrior(bounds: Bound[]): Prior {
  return {
    dim: bounds.length,
    sample: (rng) => bounds.map((b) => (b.log ? Math.exp(Math.log(b.lo) + rng.next() * Math.log(b.hi / b.lo)) : b.lo + rng.next() * (b.hi - b.lo))),
    density: (x) => bounds.reduce((d, b, i) => (x[i]! < b.lo || x[i]! > b.hi ? 0 : d * (b.log ? 1 / x[i]! : 1)), 1),
  };
}

export interface Particle<T> {
  theta: number[];
  weight: number;
  distance: number;
  out: T;
}

export interface Generation<T> {
  /** Tolerance used: accepted particles have distance <= epsilon (Infinity for the prior sample). */
  epsilon: number;
  particles: Particle<T>[];
  /** Simulations run to fill the generation. */
  proposed: number;
  /** Effective sample size of the weights, 1 / Σ w². */
  ess: number;
}

export type Simulate<T> = (thetas: number[][], where: { generation: number; batch: number }) => Promise<{ distance: number; out: T }[]>;

export interface AbcOptions<T> {
  particles: number;
  /** Generations after the prior sample. */
  generations: number;
  /** The next tolerance is this quantile of the current distances (0.5: halve the population's spread). */
  quantile?: number;
  seed: number | string;
  /** Batches a generation may run before it settles for the best `particles` candidates. */
  maxBatches?: number;
  onGeneration?: (g: Generation<T>, index: number) => void;
}

/** Standard normal from a uniform stream (Box–Muller). */
export function gaussian(rng: Stream): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export function weightedMean(xs: number[], w: number[]): number {
  return xs.reduce((s, x, i) => s + x * w[i]!, 0) / w.reduce((a, b) => a + b, 0);
}

/** Weighted covariance of the particles' parameters (weights sum to 1). */
export function weightedCovariance(thetas: number[][], w: number[]): number[][] {
  const k = thetas[0]!.length;
  const m = Array.from({ length: k }, (_, d) => weightedMean(thetas.map((t) => t[d]!), w));
  const c = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  thetas.forEach((t, i) => {
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) c[a]![b]! += w[i]! * (t[a]! - m[a]!) * (t[b]! - m[b]!);
  });
  return c;
}

/** Weighted quantile: the smallest value whose cumulative weight reaches q. */
export function weightedQuantile(xs: number[], w: number[], q: number): number {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (const i of order) {
    acc += w[i]!;
    if (acc >= q * total - 1e-12) return xs[i]!;
  }
  return xs[order[order.length - 1]!]!;
}

/** The perturbation kernel: N(θ_j, 2Σ), with the per-parameter variances if Σ is singular. */
function kernelOf(thetas: number[][], w: number[]) {
  const cov = weightedCovariance(thetas, w).map((row) => row.map((x) => 2 * x));
  const diag = cov.map((row, i) => row.map((x, j) => (i === j ? Math.max(x, 1e-300) : 0)));
  const l = cholesky(cov) ?? cholesky(diag)!;
  const k = l.length;
  return {
    /** θ + L z. */
    move(theta: number[], rng: Stream): number[] {
      const z = theta.map(() => gaussian(rng));
      return theta.map((t, i) => t + l[i]!.reduce((s, v, j) => s + v * z[j]!, 0));
    },
    /** exp(−½ |L⁻¹(x − μ)|²): the normalising constant is the same for every particle and cancels. */
    density(x: number[], mu: number[]): number {
      const y = new Array<number>(k);
      for (let i = 0; i < k; i++) {
        let s = x[i]! - mu[i]!;
        for (let j = 0; j < i; j++) s -= l[i]![j]! * y[j]!;
        y[i] = s / l[i]![i]!;
      }
      return Math.exp(-0.5 * y.reduce((s, v) => s + v * v, 0));
    },
  };
}

/** Systematic resampling by weight from a seeded stream: indices of `n` draws. */
export function resample(weights: number[], n: number, seed: number): number[] {
  const u0 = stream(seed, 'abc-resample').next();
  const out: number[] = [];
  let acc = weights[0]!, j = 0;
  for (let i = 0; i < n; i++) {
    const u = (i + u0) / n;
    while (u > acc && j < weights.length - 1) acc += weights[++j]!;
    out.push(j);
  }
  return out;
}

/** The first index whose cumulative weight reaches u (binary search). */
function pick(cum: number[], u: number): number {
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! >= u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const ess = (w: number[]) => 1 / w.reduce((s, x) => s + x * x, 0);

export async function abcSmc<T>(prior: Prior, simulate: Simulate<T>, o: AbcOptions<T>): Promise<Generation<T>[]> {
  const n = o.particles;
  const alpha = o.quantile ?? 0.5;
  const maxBatches = o.maxBatches ?? 8;

  // Generation 0: a sample of the prior, every draw accepted.
  const r0 = stream(o.seed, 'abc-prior');
  const thetas0 = Array.from({ length: n }, () => prior.sample(r0));
  const sims0 = await simulate(thetas0, { generation: 0, batch: 0 });
  const first: Generation<T> = {
    epsilon: Number.POSITIVE_INFINITY,
    particles: thetas0.map((theta, i) => ({ theta, weight: 1 / n, distance: sims0[i]!.distance, out: sims0[i]!.out })),
    proposed: n,
    ess: n,
  };
  const gens = [first];
  o.onGeneration?.(first, 0);
  let rate = alpha;

  for (let g = 1; g <= o.generations; g++) {
    const prev = gens[g - 1]!;
    const pw = prev.particles.map((p) => p.weight);
    const pt = prev.particles.map((p) => p.theta);
    let epsilon = weightedQuantile(
      prev.particles.map((p) => p.distance),
      prev.particles.map(() => 1),
      alpha,
    );
    const kernel = kernelOf(pt, pw);
    let run = 0;
    const cum = pw.map((x) => (run += x));
    const candidates: { theta: number[]; distance: number; out: T }[] = [];
    let accepted = 0;
    for (let b = 0; b < maxBatches && accepted < n; b++) {
      const rng = stream(o.seed, `abc-g${g}-b${b}`);
      const need = n - accepted;
      // Enough candidates to fill the generation at the last acceptance rate, with a margin.
      const size = Math.min(4 * n, Math.max(need, Math.ceil((1.2 * need) / Math.max(rate, 0.02))));
      const batch = Array.from({ length: size }, () => {
        for (let tries = 0; tries < 10_000; tries++) {
          const theta = kernel.move(pt[pick(cum, rng.next() * cum[n - 1]!)]!, rng);
          if (prior.density(theta) > 0) return theta;
        }
        throw new Error('abc-smc: the kernel keeps leaving the prior support');
      });
      const sims = await simulate(batch, { generation: g, batch: b });
      batch.forEach((theta, i) => candidates.push({ theta, ...sims[i]! }));
      accepted = candidates.filter((c) => c.distance <= epsilon).length;
    }
    rate = Math.max(accepted / candidates.length, 0.01);
    // Out of batches: settle for the tolerance that admits the best n candidates (still ABC: every
    // candidate within it is accepted, whichever batch proposed it).
    if (accepted < n) epsilon = [...candidates.map((c) => c.distance)].sort((a, b) => a - b)[n - 1]!;
    const chosen = candidates.filter((c) => c.distance <= epsilon).slice(0, n);
    const raw = chosen.map((c) => prior.density(c.theta) / pt.reduce((s, mu, j) => s + pw[j]! * kernel.density(c.theta, mu), 0));
    const total = raw.reduce((a, b) => a + b, 0);
    const weights = raw.map((x) => x / total);
    const gen: Generation<T> = {
      epsilon,
      particles: chosen.map((c, i) => ({ ...c, weight: weights[i]! })),
      proposed: candidates.length,
      ess: ess(weights),
    };
    gens.push(gen);
    o.onGeneration?.(gen, g);
  }
  return gens;
}
