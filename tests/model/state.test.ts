/** Rules of state.ts: geometric waiting times and stochastic rounding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometricWeeks, roundStochastic } from '../../src/model/state.js';

/** N uniforms spread evenly over [0, 1): a deterministic stand-in for many draws. */
const strata = (n: number): number[] => Array.from({ length: n }, (_, i) => (i + 0.5) / n);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('geometricWeeks', () => {
  it('has the given mean over many uniforms', () => {
    const us = strata(200_000);
    for (const m of [1.5, 2, 4, 12, 52]) expect(mean(us.map((u) => geometricWeeks(m, u))), `mean ${m}`).toBeCloseTo(m, 1);
  });

  it('is geometric: P(X = 1) = 1/mean and P(X > k) = (1 − 1/mean)^k', () => {
    const us = strata(100_000);
    const xs = us.map((u) => geometricWeeks(4, u));
    expect(xs.filter((x) => x === 1).length / xs.length).toBeCloseTo(0.25, 3);
    expect(xs.filter((x) => x > 3).length / xs.length).toBeCloseTo(0.75 ** 3, 3);
  });

  it('gives exact values on hand-computed cases', () => {
    // mean 2: q = 1/2, X = 1 + floor(ln(1 − u) / ln(1/2))
    expect(geometricWeeks(2, 0)).toBe(1);
    expect(geometricWeeks(2, 0.49)).toBe(1);
    expect(geometricWeeks(2, 0.6)).toBe(2); // ln 0.4 / ln 0.5 = 1.32
    expect(geometricWeeks(2, 0.8)).toBe(3); // ln 0.2 / ln 0.5 = 2.32
    // mean 10: q = 0.1; u = 1 − 0.9^5 − tiny lies just below the step to 6
    expect(geometricWeeks(10, 1 - 0.9 ** 5 - 1e-9)).toBe(5);
    expect(geometricWeeks(10, 1 - 0.9 ** 5 + 1e-9)).toBe(6);
  });

  it('is 1 for a mean of 1 or less, whatever the uniform', () => {
    for (const m of [1, 0.999, 0.5, 0, -3]) for (const u of [0, 0.3, 0.999999]) expect(geometricWeeks(m, u)).toBe(1);
  });

  it('is a whole number >= 1, capped at 65535, and non-decreasing in u and in the mean', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (m, u1, u2) => {
          const x = geometricWeeks(m, u1);
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(1);
          expect(x).toBeLessThanOrEqual(65535);
          const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
          expect(geometricWeeks(m, lo)).toBeLessThanOrEqual(geometricWeeks(m, hi));
          expect(geometricWeeks(m, u1)).toBeLessThanOrEqual(geometricWeeks(m * 2 + 1, u1));
        },
      ),
    );
  });

  it('caps a very long wait at 65535 (it is stored in a u16 timer)', () => {
    expect(geometricWeeks(1e9, 0.999999)).toBe(65535);
    expect(geometricWeeks(1e6, 0.9)).toBe(65535);
  });
});

describe('roundStochastic', () => {
  it('leaves whole numbers unchanged for every uniform', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1_000_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, u) => {
        expect(roundStochastic(n, u)).toBe(n);
      }),
    );
  });

  it('is floor(x) or floor(x) + 1, the latter when u < the fractional part', () => {
    expect(roundStochastic(2.3, 0.29)).toBe(3);
    expect(roundStochastic(2.3, 0.31)).toBe(2);
    expect(roundStochastic(0.5, 0)).toBe(1);
    expect(roundStochastic(0.5, 0.5)).toBe(0);
    // floor(−0.25) = −1 with fractional part 0.75
    expect(roundStochastic(-0.25, 0.7)).toBe(0);
    expect(roundStochastic(-0.25, 0.8)).toBe(-1);
  });

  it('has expectation x', () => {
    const us = strata(10_000);
    for (const x of [0, 0.01, 0.37, 1.5, 7.99, 123.456, -2.6]) expect(mean(us.map((u) => roundStochastic(x, u))), `x = ${x}`).toBeCloseTo(x, 6);
  });
});
