/**
 * ABC-SMC against answers known in closed form. A normal mean with known variance and a normal
 * prior is conjugate: the posterior is normal with precision 1/τ² + n/σ² and mean x̄·(n/σ²)/precision.
 * With the sample mean (sufficient) as summary and a tolerance driven near zero, the ABC posterior
 * must match it.
 */
import { describe, expect, it } from 'vitest';
import { abcSmc, boxPrior, cholesky, gaussian, type Prior, weightedMean, weightedQuantile } from '../../../src/experiment/calibrate/abc.js';
import { stream } from '../../../src/core/rng.js';

const sd = (xs: number[], w: number[]) => {
  const m = weightedMean(xs, w);
  return Math.sqrt(weightedMean(xs.map((x) => (x - m) ** 2), w));
};

/** Independent normal priors N(0, tau²) per coordinate. */
const normalPrior = (dim: number, tau: number): Prior => ({
  dim,
  sample: (rng) => Array.from({ length: dim }, () => tau * gaussian(rng)),
  density: (x) => Math.exp(-x.reduce((s, v) => s + v * v, 0) / (2 * tau * tau)),
});

/** n observations of N(θ, σ²) summarised by their mean; the simulator draws that mean directly. */
function normalMeanModel(xbar: number[], n: number, sigma: number, seed: string) {
  const rng = stream(seed, 'simulator');
  return async (thetas: number[][]) => {
    // Yield to the event loop between batches, so a loaded machine does not starve vitest's RPC.
    await new Promise((resolve) => setImmediate(resolve));
    return thetas.map((t) => {
      const sim = t.map((m) => m + (sigma / Math.sqrt(n)) * gaussian(rng));
      return { distance: Math.sqrt(sim.reduce((s, v, i) => s + (v - xbar[i]!) ** 2, 0)), out: sim };
    });
  };
}

describe('ABC-SMC on a conjugate model', () => {
  const n = 10, sigma = 1, tau = 2, xbar = 1.2;
  const precision = 1 / tau ** 2 + n / sigma ** 2;
  const postMean = (xbar * n) / sigma ** 2 / precision;
  const postSd = Math.sqrt(1 / precision);

  it('recovers the analytic posterior mean and SD of a normal mean', async () => {
    const gens = await abcSmc(normalPrior(1, tau), normalMeanModel([xbar], n, sigma, 'a'), { particles: 600, generations: 7, seed: 1 });
    const last = gens[gens.length - 1]!;
    const xs = last.particles.map((p) => p.theta[0]!);
    const w = last.particles.map((p) => p.weight);
    expect(last.epsilon).toBeLessThan(0.05 * postSd * 4);
    expect(Math.abs(weightedMean(xs, w) - postMean)).toBeLessThan(0.1 * postSd);
    expect(sd(xs, w) / postSd).toBeGreaterThan(0.9);
    expect(sd(xs, w) / postSd).toBeLessThan(1.1);
    // Tolerances shrink generation after generation.
    for (let g = 2; g < gens.length; g++) expect(gens[g]!.epsilon).toBeLessThan(gens[g - 1]!.epsilon);
  });

  it('recovers two means at once through the full covariance kernel, on a uniform box prior', async () => {
    // A flat prior on a wide box: the posterior is N(x̄, σ²/n) per coordinate.
    const gens = await abcSmc(boxPrior([{ lo: -10, hi: 10 }, { lo: -10, hi: 10 }]), normalMeanModel([1, -2], n, sigma, 'b'), { particles: 500, generations: 12, quantile: 0.3, seed: 2 });
    const last = gens[gens.length - 1]!;
    const w = last.particles.map((p) => p.weight);
    for (const [d, target] of [[0, 1], [1, -2]] as const) {
      const xs = last.particles.map((p) => p.theta[d]!);
      expect(Math.abs(weightedMean(xs, w) - target)).toBeLessThan(0.1 * (sigma / Math.sqrt(n)));
      expect(sd(xs, w) / (sigma / Math.sqrt(n))).toBeGreaterThan(0.85);
      expect(sd(xs, w) / (sigma / Math.sqrt(n))).toBeLessThan(1.15);
    }
  });

  it('is deterministic: the same seed gives the same populations', async () => {
    const run = () => abcSmc(normalPrior(1, tau), normalMeanModel([xbar], n, sigma, 'c'), { particles: 50, generations: 3, seed: 7 });
    const [a, b] = [await run(), await run()];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('settles for the best candidates when the batches run out, and keeps weights normalised', async () => {
    const gens = await abcSmc(normalPrior(1, tau), normalMeanModel([xbar], n, sigma, 'd'), { particles: 40, generations: 3, seed: 3, quantile: 0.01, maxBatches: 1 });
    for (const g of gens) {
      expect(g.particles).toHaveLength(40);
      expect(g.particles.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
      for (const p of g.particles) expect(p.distance).toBeLessThanOrEqual(g.epsilon);
    }
  });
});

describe('helpers', () => {
  it('cholesky factors a positive-definite matrix and refuses a singular one', () => {
    const l = cholesky([[4, 2], [2, 3]])!;
    expect(l[0]![0]).toBeCloseTo(2);
    expect(l[1]![0]).toBeCloseTo(1);
    expect(l[1]![1]).toBeCloseTo(Math.sqrt(2));
    expect(cholesky([[1, 1], [1, 1]])).toBeUndefined();
  });

  it('weighted quantiles follow the weights', () => {
    expect(weightedQuantile([3, 1, 2], [1, 1, 1], 0.5)).toBe(2);
    expect(weightedQuantile([1, 2, 3], [0.1, 0.1, 0.8], 0.5)).toBe(3);
    expect(weightedQuantile([1, 2, 3], [0.1, 0.1, 0.8], 0.05)).toBe(1);
  });

  it('a box prior is zero outside its support and 1/x inside a log-uniform coordinate', () => {
    const p = boxPrior([{ lo: 0, hi: 1 }, { lo: 1, hi: 100, log: true }]);
    expect(p.density([0.5, 10])).toBeCloseTo(0.1);
    expect(p.density([1.5, 10])).toBe(0);
    const r = stream(1, 'x');
    for (let i = 0; i < 100; i++) expect(p.density(p.sample(r))).toBeGreaterThan(0);
  });
});
