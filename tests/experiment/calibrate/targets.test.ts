/** The calibration targets file: every row valid, sourced and evaluable; the error models behave as documented. */
import { describe, expect, it } from 'vitest';
import { distance, discrepancy, errorModel, parseTargets, predicted, readTargets, type Target, targetValue } from '../../../src/experiment/calibrate/targets.js';
import { METRICS } from '../../../src/model/metrics.js';
import { UserError } from '../../../src/core/errors.js';

const HEADER = 'id,metric,place,from,to,statistic,observed,error,sd,ratio_lo,ratio_hi,role,source';

describe('scenarios/data/targets.csv', () => {
  const { targets, hash } = readTargets('scenarios/data/targets.csv');

  it('parses, with a hash for provenance, fitted and held-out targets, each sourced', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(targets.filter((t) => t.role === 'fit').length).toBeGreaterThanOrEqual(4);
    expect(targets.filter((t) => t.role === 'holdout').length).toBeGreaterThanOrEqual(4);
    for (const t of targets) expect(t.source.length).toBeGreaterThan(20);
  });

  it('names only metrics the model records (places: target-check.test.ts), inside 2019–2024', () => {
    for (const t of targets) {
      if (t.statistic === 'per_day' || t.place) continue;
      for (const m of t.metric.split('-')) expect(METRICS as string[]).toContain(m);
      expect(t.from >= '2019-01-01' && t.to <= '2024-12-31').toBe(true);
    }
  });
});

describe('parseTargets', () => {
  it('reports every bad row with its line and field', () => {
    const text = `${HEADER}\nx,identified,,2020-01-01,2019-12-31,total,10,count,0.1,,,fit,a source long enough\nx,identified,,2019-01-01,2019-12-31,total,-3,reported,0.1,,,fit,a source long enough\n`;
    try {
      parseTargets(text, 't.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).lines).toEqual([
        't.csv: row 2 to: expected from <= to, got 2020-01-01 and 2019-12-31',
        't.csv: row 3 observed: Number must be greater than 0',
        't.csv: row 3 ratio_hi: a reported figure needs ratio_lo < ratio_hi',
      ]);
    }
  });
});

const t = (over: Partial<Target>): Target => ({
  id: 'x', metric: 'identified', place: '', from: '2019-01-01', to: '2024-12-31', statistic: 'total', observed: 100,
  error: 'count', sd: 0.1, role: 'fit', series: '', source: 'a test source', ...over,
});
const period = { start: '2019-01-07', weeks: 313 };

describe('target values from a run', () => {
  const weekly = Array.from({ length: 313 }, (_, w) => (w < 52 ? 1 : 2)); // 2019 weeks: 1 each
  const run = { metrics: { identified: 574, deportations: 9, flow_a: 3 }, weekly: { identified: weekly } };

  it('takes totals over the whole period, sums weekly series over a window, and per-year totals when kept', () => {
    expect(targetValue(t({}), run, period)).toBe(574);
    expect(targetValue(t({ from: '2019-01-01', to: '2019-12-31' }), run, period)).toBe(52);
    expect(targetValue(t({ from: '2020-01-01', to: '2020-03-31' }), run, period)).toBe(2 * 13);
    expect(targetValue(t({ metric: 'deportations', from: '2022-01-01', to: '2022-12-31' }), run, period)).toBeUndefined();
    const withYears = { ...run, perYear: { '2022': { deportations: 5, prosecutions: 1 }, '2023': { deportations: 7, prosecutions: 2 } } };
    expect(targetValue(t({ metric: 'deportations', from: '2022-01-01', to: '2023-12-31' }), withYears, period)).toBe(12);
    expect(targetValue(t({ metric: 'deportations-prosecutions', from: '2022-01-01', to: '2023-12-31' }), withYears, period)).toBe(9);
    expect(targetValue(t({ statistic: 'per_day', place: 'a' }), { metrics: { perday_a: 40 } }, period)).toBe(40);
  });

  it('gives persons per day at a crossing in whole calendar years from its outbound count over the days of the window', () => {
    const byPlace = { metrics: {}, perPlace: { a: { perYear: { '2023': { outbound: 36_500 }, '2024': { outbound: 36_600 } } } } };
    expect(targetValue(t({ statistic: 'per_day', place: 'a', from: '2024-01-01', to: '2024-12-31' }), byPlace, period)).toBe(100);
    expect(targetValue(t({ statistic: 'per_day', place: 'a', from: '2023-01-01', to: '2024-12-31' }), byPlace, period)).toBe(100);
    expect(targetValue(t({ statistic: 'per_day', place: 'a', from: '2024-01-01', to: '2024-06-30' }), byPlace, period)).toBeUndefined();
  });
});

describe('error models', () => {
  it('a count is centred on the model value; a reported figure on its ratio band’s geometric middle, with a wider SD', () => {
    expect(errorModel(t({}))).toEqual({ logRatio: 0, sdLog: Math.log1p(0.1) });
    const r = errorModel(t({ error: 'reported', ratio_lo: 0.25, ratio_hi: 4 }));
    expect(r.logRatio).toBeCloseTo(0, 12);
    expect(r.sdLog).toBeCloseTo(Math.sqrt(Math.log1p(0.1) ** 2 + Math.log(16) ** 2 / 12), 12);
    expect(predicted(t({ error: 'reported', ratio_lo: 1, ratio_hi: 4 }), 100)).toBeCloseTo(200, 9);
  });

  it('the distance is zero at the observed value and grows with the log ratio, in SDs', () => {
    expect(discrepancy(t({}), 100)).toBe(0);
    expect(discrepancy(t({}), 100 * 1.1)).toBeCloseTo(1, 12);
    expect(distance([t({}), t({})], [100 * 1.1, 100 / 1.1])).toBeCloseTo(1, 12);
    expect(Number.isFinite(discrepancy(t({}), 0))).toBe(true);
  });
});
