/**
 * The Gaussian-process emulator against functions known in closed form: it interpolates a
 * deterministic function through its design points, predicts held-out points closely, grows less
 * certain away from the data, gives honest 90% intervals on noisy data, and its leave-one-out
 * diagnostics tell a well-calibrated emulator from an overconfident one.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../../src/core/rng.js';
import { gaussian } from '../../../src/experiment/calibrate/abc.js';
import { fitEmulator, looPasses } from '../../../src/experiment/calibrate/emulator.js';
import { sobolPoints } from '../../../src/experiment/sensitivity/sobol-sequence.js';

const sin1 = (x: number) => Math.sin(2 * Math.PI * x) + 0.5 * x;
/** Branin on [−5, 10] × [0, 15] (Dixon & Szegő 1978), from the unit square. */
const branin = (u: ArrayLike<number>) => {
  const x = -5 + 15 * u[0]!, y = 15 * u[1]!;
  return (y - (5.1 / (4 * Math.PI ** 2)) * x * x + (5 / Math.PI) * x - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
};
const quadratic = (u: ArrayLike<number>) => 1 + 2 * u[0]! - u[1]! + 3 * (u[0]! - 0.4) ** 2 + 2 * u[0]! * u[1]!;
const rms = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

describe('emulator on deterministic functions', () => {
  const xs = Array.from({ length: 12 }, (_, i) => [i / 11]);
  const em = fitEmulator(xs, xs.map((x) => sin1(x[0]!)));

  it('interpolates its design points, with a variance no larger than the nugget there', () => {
    for (const x of xs) {
      const p = em.predict(x);
      expect(Math.abs(p.mean - sin1(x[0]!))).toBeLessThan(1e-3);
      expect(p.variance).toBeLessThanOrEqual(em.noiseVariance * 1.0001 + 1e-12);
    }
    expect(em.noiseVariance / em.signalVariance).toBeLessThan(1e-3);
  });

  it('predicts held-out points of a 1-D sine closely', () => {
    const held = Array.from({ length: 101 }, (_, i) => (i + 0.5) / 101.5);
    const errors = held.map((x) => em.predictMean([x]) - sin1(x));
    expect(rms(errors)).toBeLessThan(0.02);
    // predictMean is predict's mean without the variance.
    for (const x of held.slice(0, 5)) expect(em.predictMean([x])).toBe(em.predict([x]).mean);
  });

  it('predicts held-out points of 2-D Branin within a few percent of its range', () => {
    const design = sobolPoints(48, 2).map((u) => Array.from(u));
    const b = fitEmulator(design, design.map(branin));
    const held = sobolPoints(200, 2, 1000).map((u) => Array.from(u));
    const truth = held.map(branin);
    const range = Math.max(...truth) - Math.min(...truth);
    expect(rms(held.map((x, i) => b.predictMean(x) - truth[i]!)) / range).toBeLessThan(0.03);
  });

  it('grows less certain away from the data', () => {
    const near = xs.filter((x) => x[0]! <= 0.5);
    const half = fitEmulator(near, near.map((x) => sin1(x[0]!)));
    const v = [0.5, 0.6, 0.75, 0.95].map((x) => half.predict([x]).variance);
    for (let i = 1; i < v.length; i++) expect(v[i]!).toBeGreaterThan(v[i - 1]!);
    // Between design points the variance is larger than at them.
    expect(half.predict([0.5 / 11 + 0.02]).variance).toBeGreaterThan(half.predict([0.5 / 11 * 2]).variance);
  });

  it('emulates a quadratic with either kernel and mean form, deterministically', () => {
    const design = sobolPoints(30, 2).map((u) => Array.from(u));
    const ys = design.map(quadratic);
    const held = sobolPoints(50, 2, 500).map((u) => Array.from(u));
    for (const o of [{ kernel: 'sqexp' as const, mean: 'linear' as const }, { kernel: 'matern52' as const, mean: 'constant' as const }]) {
      const e = fitEmulator(design, ys, o);
      expect(e.meanForm).toBe(o.mean);
      expect(rms(held.map((x) => e.predictMean(x) - quadratic(x)))).toBeLessThan(0.02);
    }
    const again = () => {
      const e = fitEmulator(design, ys);
      return [e.lengthScales, e.noiseVariance, e.beta, e.predict([0.3, 0.7])];
    };
    expect(again()).toEqual(again());
  });

  it('treats a constant output as known exactly', () => {
    const e = fitEmulator(xs, xs.map(() => 2));
    expect(e.predict([0.3])).toEqual({ mean: 2, variance: 0 });
    expect(e.loo().diagnostics.outside3).toBe(0);
  });
});

describe('emulator on noisy runs', () => {
  const sd = 0.3;
  const rng = stream(5, 'emulator-noise');
  const design = sobolPoints(80, 2).map((u) => Array.from(u));
  const ys = design.map((x) => quadratic(x) + sd * gaussian(rng));
  const em = fitEmulator(design, ys);
  const held = sobolPoints(400, 2, 3000).map((u) => Array.from(u));

  it('estimates the noise as its nugget', () => {
    expect(Math.sqrt(em.noiseVariance)).toBeGreaterThan(0.6 * sd);
    expect(Math.sqrt(em.noiseVariance)).toBeLessThan(1.4 * sd);
  });

  it('covers about 90% of held-out truths, and of fresh noisy runs, with mean ± 1.645 SD', () => {
    // One design's coverage swings with its noise (held-out errors are correlated); the average over eight designs does not.
    const truths: number[] = [], runs: number[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const r = stream(seed, 'emulator-noise-designs');
      const e = fitEmulator(design, design.map((x) => quadratic(x) + sd * gaussian(r)));
      const p = held.map((x) => e.predict(x));
      truths.push(held.filter((x, i) => Math.abs(quadratic(x) - p[i]!.mean) <= 1.645 * Math.sqrt(p[i]!.variance)).length / held.length);
      runs.push(held.filter((x, i) => Math.abs(quadratic(x) + sd * gaussian(r) - p[i]!.mean) <= 1.645 * Math.sqrt(p[i]!.variance + e.noiseVariance)).length / held.length);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(truths)).toBeGreaterThan(0.8);
    expect(mean(truths)).toBeLessThan(0.97);
    expect(mean(runs)).toBeGreaterThan(0.85);
    expect(mean(runs)).toBeLessThan(0.95);
  });

  it('passes its leave-one-out check: standardised errors near N(0, 1)', () => {
    const { standardised, diagnostics: d } = em.loo();
    expect(standardised).toHaveLength(80);
    expect(d.n).toBe(80);
    expect(Math.abs(d.meanStandardised)).toBeLessThan(0.3);
    expect(d.rmsStandardised).toBeGreaterThan(0.75);
    expect(d.rmsStandardised).toBeLessThan(1.3);
    expect(d.within2).toBeGreaterThan(0.88);
    expect(d.rmse).toBeGreaterThan(0.8 * sd);
    expect(d.rmse).toBeLessThan(1.5 * sd);
    expect(looPasses(d)).toBe(true);
  });

  it('takes runs repeated at the same inputs (each with its own seed), and learns the noise from the repeats', () => {
    const r = stream(9, 'repeats');
    const twice = design.slice(0, 30).flatMap((x) => [x, x, x]);
    const e = fitEmulator(twice, twice.map((x) => quadratic(x) + sd * gaussian(r)), { maxFitPoints: 45 });
    expect(Math.sqrt(e.noiseVariance)).toBeGreaterThan(0.6 * sd);
    expect(Math.sqrt(e.noiseVariance)).toBeLessThan(1.4 * sd);
  });

  it('fails the check on a feature narrower than the design resolves', () => {
    // A plateau 0.1 wide on a flat line: a stationary GP smooths it away and is overconfident about the runs on it.
    const xs = Array.from({ length: 40 }, (_, i) => [i / 39]);
    const spiky = fitEmulator(xs, xs.map((x) => (Math.abs(x[0]! - 0.5) < 0.05 ? 3 : 0)));
    const d = spiky.loo().diagnostics;
    expect(d.outside3).toBeGreaterThan(2);
    expect(looPasses(d)).toBe(false);
  });
});
