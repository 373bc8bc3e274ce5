/**
 * Results do not depend on --scale: key totals of the baseline at scale 20 agree with scale 1
 * (every person an agent) within Monte Carlo error or 5%. Brokers are kept at full count and
 * their capacity is pooled per hub, so nothing is rounded away by the scale.
 */
import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/experiment/stats.js';
import { dataWith } from './helpers.js';
import { offThread } from './off-thread.js';

const runs = offThread();

const METRICS = ['departures', 'crossings_regular', 'crossings_informal', 'trafficked', 'identified', 'deportations'] as const;

describe('scale invariance', () => {
  it('scale 20 agrees with scale 1 on the key totals (4 seeds at scale 1, 8 at scale 20)', async () => {
    const data = await dataWith();
    const at = async (scale: number, seeds: number[]) => (await runs.summaries(data, seeds, scale)).map((x) => x.totals);
    const one = await at(1, [1, 2, 3, 4]);
    const twenty = await at(20, [1, 2, 3, 4, 5, 6, 7, 8]);
    for (const m of METRICS) {
      const a = meanInterval(one.map((t) => t[m]!));
      const b = meanInterval(twenty.map((t) => t[m]!));
      // Half-widths of the two 95% intervals, combined as for a difference of independent means.
      const error = Math.hypot(a.hi - a.mean, b.hi - b.mean);
      expect(Math.abs(b.mean - a.mean), `${m}: scale 1 ${a.mean.toFixed(0)}, scale 20 ${b.mean.toFixed(0)}`).toBeLessThanOrEqual(Math.max(error, 0.05 * a.mean));
    }
  }, 1_800_000); // about 8 minutes on a quiet day here; a loaded or throttled host took 21
});
