/** Rules of routes.ts: the route weight and the networks' belief update. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Path } from '../../src/model/geography.js';
import type { Params } from '../../src/model/parameters.js';
import { routeWeight, updateBelief } from '../../src/model/routes.js';

const p = { routeDistanceOffset: 10, routeDistancePower: 1, routeRiskWeight: 2, routeCostWeight: 0.5 } as unknown as Params;
const path = (km: number, costIdr = 0): Path => ({ crossing: 0, destination: 0, km, hours: 1, costIdr });

describe('routeWeight', () => {
  it('is demand / (s + km)^p · exp(−λ·risk − w·cost/1e6) on hand-computed cases', () => {
    // 100 / (10 + 90) · exp(−2·0.5 − 0.5·2) = e^−2
    expect(routeWeight(p, 100, path(90, 2_000_000), 0.5)).toBeCloseTo(Math.exp(-2), 12);
    expect(routeWeight(p, 30, path(20), 0)).toBeCloseTo(1, 12);
    const p2 = { routeDistanceOffset: 0, routeDistancePower: 2, routeRiskWeight: 0, routeCostWeight: 0 } as unknown as Params;
    expect(routeWeight(p2, 50, path(5, 9e9), 1)).toBeCloseTo(2, 12);
  });

  it('is 0 without demand and proportional to demand', () => {
    expect(routeWeight(p, 0, path(50), 0.2)).toBe(0);
    expect(routeWeight(p, 30, path(50), 0.2)).toBeCloseTo(3 * routeWeight(p, 10, path(50), 0.2), 12);
  });

  it('falls with distance, risk and cost and rises with demand', () => {
    const nn = (max: number) => fc.double({ min: 0, max, noNaN: true });
    fc.assert(
      fc.property(nn(1000), nn(2000), nn(1), nn(1e7), fc.double({ min: 0.01, max: 100, noNaN: true }), (demand, km, risk, cost, d) => {
        const x = routeWeight(p, demand, path(km, cost), risk);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(routeWeight(p, demand, path(km + d, cost), risk)).toBeLessThanOrEqual(x);
        expect(routeWeight(p, demand, path(km, cost), risk + d)).toBeLessThanOrEqual(x);
        expect(routeWeight(p, demand, path(km, cost + d * 1e5), risk)).toBeLessThanOrEqual(x);
        expect(routeWeight(p, demand + d, path(km, cost), risk)).toBeGreaterThanOrEqual(x);
      }),
    );
    expect(routeWeight(p, 10, path(100), 0)).toBeGreaterThan(routeWeight(p, 10, path(200), 0));
    expect(routeWeight(p, 10, path(100), 0)).toBeGreaterThan(routeWeight(p, 10, path(100), 0.1));
  });
});

describe('updateBelief', () => {
  it('is an exponential moving average of the interception rate', () => {
    expect(updateBelief(0.2, 10, 5, 0.5)).toBeCloseTo(0.35, 12);
    expect(updateBelief(0, 4, 1, 0.2)).toBeCloseTo(0.05, 12);
    expect(updateBelief(0.9, 3, 0, 0.1)).toBeCloseTo(0.81, 12);
  });

  it('is unchanged without attempts', () => {
    for (const b of [0, 0.3, 1]) expect(updateBelief(b, 0, 0, 0.7)).toBe(b);
  });

  it('keeps the old belief at α = 0 and takes this week’s rate at α = 1', () => {
    expect(updateBelief(0.42, 8, 2, 0)).toBe(0.42);
    expect(updateBelief(0.42, 8, 2, 1)).toBe(0.25);
  });

  it('stays between the old belief and this week’s rate', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (b, att, share, a) => {
        const hits = Math.floor(att * share);
        const x = updateBelief(b, att, hits, a);
        const rate = hits / att;
        expect(x).toBeGreaterThanOrEqual(Math.min(b, rate) - 1e-12);
        expect(x).toBeLessThanOrEqual(Math.max(b, rate) + 1e-12);
      }),
    );
  });
});
