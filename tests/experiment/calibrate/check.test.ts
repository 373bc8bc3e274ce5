/** The predictive check: averaged relative difference and coverage of 90% intervals, on hand-made ensembles. */
import { describe, expect, it } from 'vitest';
import { checkEnsemble } from '../../../src/experiment/calibrate/check.js';
import { resample } from '../../../src/experiment/calibrate/abc.js';
import type { Target } from '../../../src/experiment/calibrate/targets.js';

const t = (id: string, observed: number, role: 'fit' | 'holdout', over: Partial<Target> = {}) =>
  ({ id, metric: 'identified', place: '', from: '2019-01-01', to: '2019-12-31', statistic: 'total', observed, error: 'count', sd: 0.1, role, source: 'test source', ...over }) as Target & { role: 'fit' | 'holdout' };

describe('checkEnsemble', () => {
  it('averages |mean − observed| / observed per role and counts observations inside the 90% band', () => {
    const targets = [t('a', 100, 'fit'), t('b', 200, 'fit'), t('c', 50, 'holdout')];
    // Every run gives 100, 100 and 100: a is hit, b is 50% off and outside, c is 100% off and outside.
    const c = checkEnsemble('x', targets, [[100, 100, 100], [100, 100, 100]], [1, 1], 1);
    expect(c.fit!.ard).toBeCloseTo((0 + 0.5) / 2, 12);
    expect(c.fit!.coverage).toBe(0.5);
    expect(c.holdout).toEqual({ ard: 1, coverage: 0, n: 1 });
    expect(c.targets[0]!.lo).toBeLessThan(100);
    expect(c.targets[0]!.hi).toBeGreaterThan(100);
  });

  it('predicts a reported figure at the middle of its ratio band, with a band as wide as the ratio range', () => {
    const c = checkEnsemble('x', [t('r', 200, 'fit', { error: 'reported', ratio_lo: 1, ratio_hi: 4 })], [[100], [100]], [1, 1], 1);
    expect(c.targets[0]!.mean).toBeCloseTo(200, 9);
    expect(c.targets[0]!.lo).toBeLessThan(130);
    expect(c.targets[0]!.hi).toBeGreaterThan(330);
    expect(c.fit!.coverage).toBe(1);
  });

  it('is reproducible', () => {
    const run = () => checkEnsemble('x', [t('a', 90, 'fit')], [[100], [80], [120]], [1, 2, 1], 5);
    expect(run()).toEqual(run());
  });
});

describe('resample', () => {
  it('draws particles in proportion to their weights', () => {
    const idx = resample([0.5, 0.25, 0.25, 0], 8, 1);
    expect(idx.filter((i) => i === 0)).toHaveLength(4);
    expect(idx.filter((i) => i === 1)).toHaveLength(2);
    expect(idx.filter((i) => i === 3)).toHaveLength(0);
  });
});
