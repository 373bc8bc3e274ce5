/**
 * The spin-up: with three years simulated before the reported horizon, the first reported
 * quarter is no transient. A run reported from 2018-10-01 with the same first simulated week is
 * the same simulation, so its 2018 Q4 and 2019 Q1 can be compared directly.
 */
import { describe, expect, it } from 'vitest';
import { M } from '../../src/model/metrics.js';
import { createModel, worldOf } from '../../src/model/model.js';
import { scenarioWith } from './helpers.js';

describe('spin-up', () => {
  it('2019 Q1 stocks and flows are within noise of 2018 Q4 (mean of 3 seeds)', async () => {
    const s = await scenarioWith((d) => {
      d.start = '2018-10-01';
      d.spinUpWeeks = 142; // the baseline's first simulated week, 2016-01-11
      for (const k of Object.keys(d.series)) d.series[k]![0]!.date = '2016-01-01';
      d.stages![0]!.date = '2016-01-01';
    });
    const runs = [1, 2, 3].map((seed) => worldOf(createModel(s, { seed, scale: 20 }).run(27)).rec);
    const ratio = (metric: keyof typeof M) => {
      let q4 = 0, q1 = 0;
      for (const rec of runs) {
        const x = rec.series(M[metric]);
        for (let t = 0; t < 13; t++) q4 += x[t]!;
        for (let t = 14; t < 27; t++) q1 += x[t]!;
      }
      return q1 / q4;
    };
    for (const stock of ['stock_exploited', 'stock_workingIrregular', 'stock_workingRegular'] as const) {
      expect(ratio(stock), stock).toBeGreaterThan(0.9);
      expect(ratio(stock), stock).toBeLessThan(1.1);
    }
    expect(ratio('trafficked')).toBeGreaterThan(0.8);
    expect(ratio('trafficked')).toBeLessThan(1.2);
  });

  it('without a spin-up nobody is yet in exploitation in the first week (what the spin-up is for)', async () => {
    const s = await scenarioWith((d) => {
      d.spinUpWeeks = 0;
    });
    const m = createModel(s, { seed: 1, scale: 100 }).run(1);
    expect(worldOf(m).rec.series(M.stock_exploited)[0]).toBeLessThan(5);
    const spun = createModel(await scenarioWith(), { seed: 1, scale: 100 }).run(1);
    expect(worldOf(spun).rec.series(M.stock_exploited)[0]).toBeGreaterThan(100);
  });
});
