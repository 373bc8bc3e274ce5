/**
 * History matching on a toy simulator whose truth is known: three noisy outputs of two parameters,
 * observed at a known θ*. The truth must survive every wave, NROY must shrink from wave to wave, the
 * importance-sampled posterior must cover θ*, the same seed must give the same NROY and posterior,
 * and observations nothing can reproduce must end in an empty NROY, reported, not thrown.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../../src/core/rng.js';
import { gaussian, weightedMean, weightedQuantile } from '../../../src/experiment/calibrate/abc.js';
import { fitEmulator } from '../../../src/experiment/calibrate/emulator.js';
import { type HmBatch, type HmTarget, historyMatch, nroyPosterior } from '../../../src/experiment/calibrate/history-matching.js';
import { combine, implausibilities, inNroy, survives, waveRule } from '../../../src/experiment/calibrate/implausibility.js';
import { sobolPoints } from '../../../src/experiment/sensitivity/sobol-sequence.js';

/** Expected log outputs of the toy model: curved enough that 20 runs do not emulate it well over the whole square. */
const g = (x: number[]) => [Math.exp(1.5 * x[0]!) * (1 + x[1]!), Math.sin(5 * x[0]!) + 2 * x[1]! ** 2, 3 * x[0]! * x[1]! + Math.cos(4 * x[1]!)];
const NOISE = 0.03;
const SD_OBS = 0.03;
const DISCREPANCY = 0.02;
const TRUTH = [0.3, 0.65];

/** The toy simulator: g plus run noise, from a stream named after the batch (so a batch is reproducible). */
const toy = async (xs: number[][], where: HmBatch) => {
  await new Promise((resolve) => setImmediate(resolve));
  const rng = stream(7, `toy-${where.stage}-${where.wave}-${where.batch}`);
  return xs.map((x) => {
    const y = g(x).map((v) => v + NOISE * gaussian(rng));
    return { y, out: y };
  });
};

const observed = (z: number[]): HmTarget[] => z.map((v, i) => ({ id: `t${i}`, z: v, sdObs: SD_OBS }));
// The observations: the truth's expected outputs, off by a fixed fraction of the observation error.
const TARGETS = observed(g(TRUTH).map((v, i) => v + [0.02, -0.03, 0.01][i]!));
const run = (seed: number, targets = TARGETS) =>
  historyMatch(toy, { dim: 2, waves: 3, runsPerWave: 20, targets: () => targets, seed, discrepancy: DISCREPANCY, candidates: 1500 });

/** NROY's true share of the square: the implausibility with the exact expected outputs in place of emulators, by brute force. */
function trueNroyFraction(): number {
  const rng = stream(1, 'brute-force');
  let inside = 0;
  for (let i = 0; i < 20_000; i++) {
    const x = [rng.next(), rng.next()];
    const is = g(x).map((v, t) => Math.abs(v - TARGETS[t]!.z) / Math.sqrt(NOISE ** 2 + SD_OBS ** 2 + DISCREPANCY ** 2));
    if (combine(is, 'second') < 3) inside++;
  }
  return inside / 20_000;
}

/** The exact posterior mean and SD of θ_d under a uniform prior: likelihood Π N(z_t; g_t(θ), noise² + obs² + discrepancy²) on a grid. */
function exactPosterior(d: number): { mean: number; sd: number } {
  const v = NOISE ** 2 + SD_OBS ** 2 + DISCREPANCY ** 2;
  let w = 0, m = 0, m2 = 0;
  for (let i = 0; i < 400; i++)
    for (let j = 0; j < 400; j++) {
      const x = [(i + 0.5) / 400, (j + 0.5) / 400];
      const l = Math.exp(-g(x).reduce((s, y, t) => s + (TARGETS[t]!.z - y) ** 2, 0) / (2 * v));
      w += l;
      m += l * x[d]!;
      m2 += l * x[d]! ** 2;
    }
  return { mean: m / w, sd: Math.sqrt(m2 / w - (m / w) ** 2) };
}

describe('history matching on a toy simulator with a known truth', async () => {
  const hm = await run(1);

  it('keeps the truth in NROY after every wave', () => {
    expect(hm.waves).toHaveLength(3);
    expect(hm.empty).toBe(false);
    for (let k = 1; k <= hm.rules.length; k++) expect(inNroy(hm.rules.slice(0, k), TRUTH, 3, 'second'), `wave ${k}`).toBe(true);
    expect(hm.inNroy(TRUTH)).toBe(true);
  });

  it('shrinks NROY from wave to wave towards its true size, with emulators that pass their check', () => {
    const f = hm.waves.map((w) => w.nroyFraction);
    for (let k = 1; k < f.length; k++) expect(f[k]!).toBeLessThan(f[k - 1]!);
    const truth = trueNroyFraction();
    expect(f[0]!).toBeGreaterThan(truth);
    expect(f[2]! / truth).toBeGreaterThan(0.7);
    expect(f[2]! / truth).toBeLessThan(1.3);
    for (const w of hm.waves) {
      expect(w.runs).toBe(20);
      expect(w.emulators.every((e) => e.trusted)).toBe(true);
      expect(w.draws.kept).toBeGreaterThan(0);
    }
    // Later waves draw in a box around the previous NROY, and their runs sit inside it.
    expect(hm.waves[1]!.draws.boxVolume).toBeLessThan(0.5);
    expect(hm.waves[2]!.implausibility!.belowCutoff).toBeGreaterThan(0.7);
    // Later waves train on runs inside the NROY they refine: the new wave's and earlier survivors.
    expect(hm.waves[2]!.trainingRuns).toBeGreaterThan(20);
    expect(hm.runs).toHaveLength(60);
  });

  it('the importance-sampled posterior inside NROY covers the truth', async () => {
    const post = await nroyPosterior(hm, toy, { runs: 300, seed: 1, discrepancy: DISCREPANCY });
    expect(post.particles).toHaveLength(300);
    expect(post.particles.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
    expect(post.ess).toBeGreaterThan(50);
    const w = post.particles.map((p) => p.weight);
    for (const d of [0, 1]) {
      const xs = post.particles.map((p) => p.x[d]!);
      expect(weightedQuantile(xs, w, 0.05), `θ${d}`).toBeLessThanOrEqual(TRUTH[d]!);
      expect(weightedQuantile(xs, w, 0.95), `θ${d}`).toBeGreaterThanOrEqual(TRUTH[d]!);
      expect(Math.abs(weightedMean(xs, w) - TRUTH[d]!)).toBeLessThan(0.05);
      // Against the exact posterior (a grid over the square, the run noise integrated out): the mean within a third of its SD.
      const exact = exactPosterior(d);
      expect(Math.abs(weightedMean(xs, w) - exact.mean), `θ${d}`).toBeLessThan(exact.sd / 3);
    }
  });

  it('is deterministic: the same seed gives the same NROY and posterior', async () => {
    const again = await run(1);
    expect(again.waves).toEqual(hm.waves);
    expect(again.nroy).toEqual(hm.nroy);
    const [a, b] = [await nroyPosterior(hm, toy, { runs: 50, seed: 3 }), await nroyPosterior(again, toy, { runs: 50, seed: 3 })];
    expect(b).toEqual(a);
    // Another seed, another design.
    expect((await run(2)).runs[0]!.x).not.toEqual(hm.runs[0]!.x);
  });

  it('reports an empty NROY when nothing can reproduce the observations, and stops there', async () => {
    const impossible = await run(1, observed([9, 9, 9]));
    expect(impossible.empty).toBe(true);
    expect(impossible.waves).toHaveLength(1);
    expect(impossible.nroy).toEqual([]);
    expect(impossible.nroyFraction).toBe(0);
    expect(impossible.waves[0]!.implausibility!.min).toBeGreaterThan(3);
  });
});

describe('implausibility', () => {
  const design = sobolPoints(30, 2).map((u) => Array.from(u));
  const rng = stream(3, 'implausibility');
  const ys = design.map((x) => g(x).map((v) => v + NOISE * gaussian(rng)));
  const emulators = [0, 1, 2].map((t) => fitEmulator(design, ys.map((y) => y[t]!)));

  it('combines by the second largest, or the largest when one target counts', () => {
    expect(combine([1, 5, 3], 'second')).toBe(3);
    expect(combine([1, 5, 3], 'max')).toBe(5);
    expect(combine([4], 'second')).toBe(4);
    expect(combine([], 'second')).toBe(0);
  });

  it('divides the distance by every variance: emulator, run noise, observation and discrepancy', () => {
    const rule = waveRule(TARGETS, emulators, [true, true, true], 0.1);
    const x = [0.2, 0.9];
    const got = implausibilities(rule, x);
    TARGETS.forEach((t, i) => {
      const p = emulators[i]!.predict(x);
      expect(got[i]).toBeCloseTo(Math.abs(t.z - p.mean) / Math.sqrt(p.variance + emulators[i]!.noiseVariance + t.sdObs ** 2 + 0.1 ** 2), 12);
    });
    // An untrusted emulator does not count.
    expect(implausibilities(waveRule(TARGETS, emulators, [true, false, true], 0.1), x)).toEqual([got[0], got[2]]);
  });

  it("decides survival exactly as the full implausibility does, though it mostly reads the means alone", () => {
    const rule = waveRule(TARGETS, emulators, [true, true, true], 0.02);
    const points = sobolPoints(2000, 2, 77).map((u) => Array.from(u));
    for (const how of ['second', 'max'] as const)
      for (const x of points) expect(survives(rule, x, 3, how)).toBe(combine(implausibilities(rule, x), how) < 3);
    for (const x of points.slice(0, 200)) for (const e of emulators) expect(e.varianceBound(x)).toBeGreaterThanOrEqual(e.predict(x).variance);
    // Far outside the design, too.
    for (const e of emulators) expect(e.varianceBound([3, -2])).toBeGreaterThanOrEqual(e.predict([3, -2]).variance);
  });
});
