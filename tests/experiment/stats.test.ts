import { describe, expect, it } from 'vitest';
import { meanInterval, pairedDifference, tQuantile975, unpairedDifference } from '../../src/experiment/stats.js';

describe('statistics', () => {
  it('uses Student t quantiles', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(9)).toBeCloseTo(2.262, 3);
    expect(tQuantile975(19)).toBeCloseTo(2.093, 2);
    expect(tQuantile975(1000)).toBeCloseTo(1.962, 2);
  });

  it('gives the mean and a symmetric 95% interval', () => {
    const i = meanInterval([1, 2, 3, 4, 5]);
    expect(i.mean).toBe(3);
    expect(i.hi - i.mean).toBeCloseTo(i.mean - i.lo, 12);
    expect(i.hi - i.mean).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 3);
  });

  it('pairs replicates: a constant shift has a zero-width paired interval but a wide unpaired one', () => {
    const base = [10, 20, 30, 40, 50];
    const shifted = base.map((x) => x + 3);
    const paired = pairedDifference(shifted, base);
    const unpaired = unpairedDifference(shifted, base);
    expect(paired).toMatchObject({ mean: 3, lo: 3, hi: 3 });
    expect(unpaired.mean).toBeCloseTo(3, 12);
    expect(unpaired.hi - unpaired.lo).toBeGreaterThan(20);
  });

  it('refuses to pair runs of different lengths', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow('same replicates');
  });
});
