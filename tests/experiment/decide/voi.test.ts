/**
 * EVPI and EVPPI against closed forms: two options, the second's net benefit linear in two
 * independent standard normal parameters plus noise, INB = μ + c1·θ1 + c2·θ2 + ε. For INB ~ N(μ, σ²)
 * the value of knowing it is E[max(0, INB)] − max(0, μ) = σφ(μ/σ) + μΦ(μ/σ) − max(0, μ); knowing θ1
 * alone leaves E[INB | θ1] ~ N(μ, c1²), so EVPPI(θ1) is the same formula with σ = |c1|.
 */
import { describe, expect, it } from 'vitest';
import { evpi, evppi, Smoother } from '../../../src/experiment/decide/voi.js';
import { normals, uniforms } from './helpers.js';

const phi = (z: number) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
/** Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf; error < 1.5e-7). */
const Phi = (z: number) => {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
};
const closed = (mu: number, sigma: number) => sigma * phi(mu / sigma) + mu * Phi(mu / sigma) - Math.max(0, mu);

const N = 4000;
const MU = 0.5, C1 = 1, C2 = 0.5, S = 0.5;
const t1 = normals('voi', 0, N), t2 = normals('voi', 1, N), eps = normals('voi', 2, N);
const inb = t1.map((_, d) => MU + C1 * t1[d]! + C2 * t2[d]! + S * eps[d]!);
const NB = [inb.map(() => 0), inb];
/** Monte Carlo standard error of a mean of max(0, ·) over the draws. */
const se = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

describe('value of information', () => {
  it('EVPI matches the closed form within Monte Carlo error', () => {
    const want = closed(MU, Math.sqrt(C1 ** 2 + C2 ** 2 + S ** 2));
    const got = evpi(NB);
    expect(got.best).toBe(1);
    expect(Math.abs(got.evpi - want)).toBeLessThan(3 * se(inb.map((x) => Math.max(0, x))) + 0.005);
  });

  it('EVPPI per parameter and for the pair match the closed forms within Monte Carlo error', () => {
    const s1 = new Smoother(t1), s2 = new Smoother(t2);
    const tol = (sigma: number) => 3 * se(t1.map((x, d) => Math.max(0, MU + sigma * (C1 * x + C2 * t2[d]!) / Math.sqrt(C1 ** 2 + C2 ** 2)))) + 0.01;
    expect(Math.abs(evppi(NB, [s1]) - closed(MU, C1))).toBeLessThan(tol(C1));
    expect(Math.abs(evppi(NB, [s2]) - closed(MU, C2))).toBeLessThan(tol(C2));
    const both = Math.sqrt(C1 ** 2 + C2 ** 2);
    expect(Math.abs(evppi(NB, [s1, s2]) - closed(MU, both))).toBeLessThan(tol(both));
    // The ranking a reader relies on: θ1 before θ2, the pair above each, all below EVPI.
    expect(evppi(NB, [s1])).toBeGreaterThan(evppi(NB, [s2]));
    expect(evppi(NB, [s1, s2])).toBeLessThanOrEqual(evpi(NB).evpi);
  });

  it('a parameter that moves nothing is worth (almost) nothing: the reference for the estimator\'s bias', () => {
    const u = new Smoother(uniforms('voi-ref', 0, N));
    expect(evppi(NB, [u])).toBeLessThan(0.01);
  });

  it('a smoother recovers a smooth curve and keeps the mean; a constant parameter gives the mean', () => {
    const x = uniforms('voi-curve', 0, 500);
    const noise = normals('voi-curve', 1, 500);
    const y = x.map((v, i) => Math.sin(2 * Math.PI * v) + 0.2 * noise[i]!);
    const f = new Smoother(x).smooth(y);
    const err = Math.sqrt(x.reduce((s, v, i) => s + (f[i]! - Math.sin(2 * Math.PI * v)) ** 2, 0) / x.length);
    expect(err).toBeLessThan(0.06);
    const mean = (v: ArrayLike<number>) => Array.from(v).reduce((s, z) => s + z, 0) / v.length;
    expect(mean(f)).toBeCloseTo(mean(y), 6);
    expect(Array.from(new Smoother(x.map(() => 3)).smooth(y))).toEqual(y.map(() => mean(y)));
  });
});
