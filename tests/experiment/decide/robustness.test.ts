/** Regret, satisficing, min-max regret against max expected value, on a table computed by hand. */
import { describe, expect, it } from 'vitest';
import { choices, regrets, robustness, separation, spearman } from '../../../src/experiment/decide/robustness.js';

// Four decisions over five draws (cases averted). Best per draw: 6, 7, 5, 8, 10.
const V = [
  [0, 0, 0, 0, 0], // A: no new measure
  [6, 7, 1, 8, 2], // B: high on average, poor in draws 2 and 4
  [4, 5, 5, 6, 6], // C: steady
  [5, 6, 4, 7, 10], // D: over budget
];
const ELIGIBLE = [true, true, true, false];

describe('regret', () => {
  it('is the best eligible value of the draw minus the decision\'s', () => {
    // Best eligible per draw (A, B, C): 6, 7, 5, 8, 6.
    expect(regrets(V, ELIGIBLE)).toEqual([
      [6, 7, 5, 8, 6],
      [0, 0, 4, 0, 4],
      [2, 2, 0, 2, 0],
      [1, 1, 1, 1, -4],
    ]);
  });

  it('gives mean, expected and maximum regret and satisficing per decision', () => {
    const meets = V.map((v) => v.map((x) => x >= 5));
    const r = robustness(V, ELIGIBLE, meets);
    expect(r.map((x) => x.mean)).toEqual([0, 4.8, 5.2, 6.4]);
    expect(r.map((x) => x.expectedRegret)).toEqual([6.4, 1.6, 1.2, 0]);
    expect(r.map((x) => x.maxRegret)).toEqual([8, 4, 2, 1]);
    expect(r.map((x) => x.satisficing)).toEqual([0, 0.6, 0.8, 0.8]);
    expect(r[1]!.p50).toBe(6);
    // 90th percentile of B's regrets 0, 0, 0, 4, 4 (linear interpolation).
    expect(r[1]!.p90Regret).toBe(4);
  });

  it('min-max regret and max expected value can differ; both choose among the eligible only', () => {
    const V2 = [
      [0, 0, 0, 0, 0],
      [9, 9, 9, 0, 9], // B: best mean (7.2), but regret 6 in draw 3
      [6, 6, 6, 6, 6], // C: mean 6, max regret 3
      [20, 20, 20, 20, 20], // over budget
    ];
    const r = robustness(V2, ELIGIBLE, V2.map((v) => v.map((x) => x > 0)));
    expect(choices(r, ELIGIBLE)).toEqual({ maxExpected: 1, minMaxRegret: 2 });
    const s = separation(V2, ELIGIBLE, 1, 2, [[0.1, 0.2, 0.3, 0.9, 0.4]], ['params.x']);
    expect(s.meanDifference).toBeCloseTo(1.2, 12);
    expect(s.shareBBetter).toBe(0.2);
    expect(s.worstDrawOfA).toEqual({ draw: 3, a: 0, b: 6, regretA: 6, regretB: 0 });
    expect(s.driver!.parameter).toBe('params.x');
    expect(s.driver!.rho).toBeLessThan(-0.5);
    expect(choices(robustness(V, ELIGIBLE, V.map((v) => v.map(() => true))), ELIGIBLE)).toEqual({ maxExpected: 2, minMaxRegret: 2 });
  });

  it("Spearman's rho: ±1 for monotone relations, average ranks for ties, 0 without variation", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBe(0);
    expect(spearman([1, 2, 2, 3], [1, 2, 2, 3])).toBeCloseTo(1, 12);
  });
});
