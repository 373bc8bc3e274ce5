/** Portfolios under a budget: enumeration, the maximal ones, the known optimum of an additive case, the Pareto front, the probability of being best. */
import { describe, expect, it } from 'vitest';
import {
  affordablePortfolios,
  bestWithinBudget,
  costOf,
  isMaximal,
  type MenuItem,
  paretoFront,
  type Portfolio,
  portfolioName,
  probabilityBest,
  searchPortfolios,
} from '../../../src/experiment/decide/portfolio.js';

const MENU: MenuItem[] = [
  { kind: 'a', costPerYearIdr: 4 },
  { kind: 'b', costPerYearIdr: 3 },
  { kind: 'c', costPerYearIdr: 2 },
  { kind: 'd', costPerYearIdr: 5 },
  { kind: 'e', costPerYearIdr: 1 },
];
/** Cases each measure averts at full intensity, and at half intensity (not half: diminishing). */
const FULL: Record<string, number> = { a: 10, b: 7, c: 3, d: 11, e: 1 };
const HALF: Record<string, number> = { a: 6, b: 4, c: 2, d: 7, e: 0.6 };
const additive = (p: Portfolio) => p.measures.reduce((s, m) => s + (m.intensity === 1 ? FULL[m.kind]! : HALF[m.kind]!), 0);

/** The optimum by brute force over every assignment of levels. */
function bruteForce(levels: number[], budget: number): { value: number; cost: number } {
  let best = { value: -1, cost: 0 };
  const walk = (i: number, value: number, cost: number) => {
    if (cost > budget + 1e-9) return;
    if (i === MENU.length) {
      if (value > best.value || (value === best.value && cost < best.cost)) best = { value, cost };
      return;
    }
    for (const l of [0, ...levels]) walk(i + 1, value + (l === 0 ? 0 : l === 1 ? FULL[MENU[i]!.kind]! : HALF[MENU[i]!.kind]!), cost + l * MENU[i]!.costPerYearIdr);
  };
  walk(0, 0, 0);
  return best;
}

describe('portfolios', () => {
  it('names a portfolio by its measures in menu order, intensities below 1 after @; the empty one is the baseline', () => {
    expect(portfolioName([])).toBe('baseline');
    expect(portfolioName([{ kind: 'a', intensity: 1 }, { kind: 'c', intensity: 0.5 }])).toBe('a+c@0.5');
    expect(costOf(MENU, [{ kind: 'a', intensity: 1 }, { kind: 'c', intensity: 0.5 }])).toBe(5);
  });

  it('enumerates every portfolio within the budget and nothing above it', () => {
    const all = affordablePortfolios(MENU, [1], 6);
    // Subsets of {4,3,2,5,1} with sum ≤ 6, counted by hand: {}, 5 singles, ab✗ ac ae bc be cd✗ ce de ... 
    const brute: string[] = [];
    for (let mask = 0; mask < 32; mask++) {
      const ms = MENU.filter((_, i) => mask & (1 << i));
      if (ms.reduce((s, m) => s + m.costPerYearIdr, 0) <= 6) brute.push(portfolioName(ms.map((m) => ({ kind: m.kind, intensity: 1 }))));
    }
    expect(all.map((p) => p.name).sort()).toEqual(brute.sort());
    expect(all[0]!.name).toBe('baseline');
    expect(all.every((p) => p.costPerYearIdr <= 6)).toBe(true);
    // Ordered by cost.
    expect(all.map((p) => p.costPerYearIdr)).toEqual([...all.map((p) => p.costPerYearIdr)].sort((x, y) => x - y));
    expect(affordablePortfolios(MENU, [1], 6, 1).length).toBe(1 + MENU.filter((m) => m.costPerYearIdr <= 6).length);
  });

  it('finds the known optimum of an additive case under the budget, with and without half intensities', () => {
    for (const levels of [[1], [0.5, 1]])
      for (const budget of [0, 1, 3, 5.5, 7, 9, 12, 15]) {
        const want = bruteForce(levels, budget);
        const best = bestWithinBudget(affordablePortfolios(MENU, levels, budget), additive, budget)!;
        expect(additive(best), `${levels} ${budget}`).toBeCloseTo(want.value, 12);
        expect(best.costPerYearIdr).toBeLessThanOrEqual(budget);
      }
    // budget 9 at full intensity: a + d (21, cost 9) beats b + d + e (19) and a + b + c (20).
    expect(bestWithinBudget(affordablePortfolios(MENU, [1], 9), additive, 9)!.name).toBe('a+d');
  });

  it('keeps the optimum when it prunes to the maximal portfolios (more never averts fewer)', () => {
    for (const budget of [5, 9, 12]) {
      const s = searchPortfolios(MENU, [0.5, 1], budget, 40)!;
      expect(s.pruned).toBe(true);
      expect(s.portfolios.length).toBeLessThan(s.affordable);
      expect(additive(bestWithinBudget(s.portfolios, additive, budget)!)).toBeCloseTo(bruteForce([0.5, 1], budget).value, 12);
      for (const p of s.portfolios) expect(p.measures.length <= 1 || isMaximal(p, MENU, [0.5, 1], budget)).toBe(true);
    }
    expect(searchPortfolios(MENU, [1], 6, 100)!.pruned).toBe(false);
    expect(searchPortfolios(MENU, [0.5, 1], 15, 3)).toBeNull();
  });

  it('a portfolio is maximal when no measure can be added or raised within the budget', () => {
    const p = (ms: [string, number][]): Portfolio => {
      const measures = ms.map(([kind, intensity]) => ({ kind, intensity }));
      return { name: portfolioName(measures), measures, costPerYearIdr: costOf(MENU, measures) };
    };
    expect(isMaximal(p([['a', 1], ['d', 1]]), MENU, [1], 9)).toBe(true);
    expect(isMaximal(p([['a', 1], ['b', 1]]), MENU, [1], 9)).toBe(false); // e (1) or c (2) still fits
    expect(isMaximal(p([['a', 0.5], ['d', 1]]), MENU, [0.5, 1], 9)).toBe(false); // a can rise to 1
  });
});

describe('the Pareto front of cost against cases averted', () => {
  it('keeps the options no other beats on both, equal ones included', () => {
    const pts = [
      { cost: 0, value: 0 }, // on: nothing is cheaper
      { cost: 2, value: 5 }, // on
      { cost: 3, value: 4 }, // off: (2, 5) is cheaper and better
      { cost: 4, value: 9 }, // on
      { cost: 4, value: 9 }, // on: equal to the previous
      { cost: 5, value: 9 }, // off: same value, dearer
      { cost: 6, value: 12 }, // on
      { cost: 1, value: -1 }, // off: (0, 0)
    ];
    expect(paretoFront(pts)).toEqual([true, true, false, true, true, false, true, false]);
  });
});

describe('the probability of being best', () => {
  it('counts the draws each eligible option wins, sharing ties, ignoring the ineligible', () => {
    const values = [
      [0, 0, 0, 0],
      [3, 1, 5, 2],
      [2, 4, 5, 1],
      [9, 9, 9, 9], // over budget
    ];
    expect(probabilityBest(values, [true, true, true, false])).toEqual([0, 0.25 + 0.125 + 0.25, 0.25 + 0.125, 0]);
  });
});
