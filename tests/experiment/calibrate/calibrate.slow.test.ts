/**
 * Synthetic recovery: targets produced by the model itself at known parameter values (another
 * seed than any calibration run), then calibrated by ABC-SMC, and by history matching, through the
 * executor and workers. The posterior's 90% interval must cover the true values, the fit must beat
 * the prior, and a resumed calibration must run nothing again and give the same posterior.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, type CalibrateOptions } from '../../../src/experiment/calibrate/calibrate.js';
import { runTask } from '../../../src/experiment/tasks.js';

const SCENARIO = 'tests/experiment/calibrate/quick.json';
const SCALE = 200;
const TRUTH = { 'params.h0': 0.00011, 'params.ngoOutreach': 0.0015, 'params.raidRateSabah': 0.0009 };

/** Target rows from one run of the model at TRUTH (figures the run records keep: totals 2019–2024, weekly series). */
async function syntheticTargets(dir: string): Promise<string> {
  const r = await runTask({ file: SCENARIO, variant: -1, overrides: Object.entries(TRUTH), replicate: 0, seed: 424242, scale: SCALE });
  const sumYear = (m: string, y: number) => r.weekly![m]!.slice(y * 52, (y + 1) * 52 + (y ? 1 : 0)).reduce((a, b) => a + b, 0);
  // The crossings: a run at this scale reproduces them within a few percent, so their observation SD is 5%.
  const row = (id: string, metric: string, from: string, to: string, v: number, role: string, sd = 0.15) => `${id},${metric},,${from},${to},total,${v},count,${sd},,,${role},synthetic: the model at known values`;
  const rows = [
    row('informal', 'crossings_informal', '2019-01-01', '2024-12-31', r.metrics.crossings_informal!, 'fit', 0.05),
    row('regular', 'crossings_regular', '2019-01-01', '2024-12-31', r.metrics.crossings_regular!, 'fit', 0.05),
    // One run's identified victims at this scale are a handful of agents: too noisy to fit, so predicted only.
    row('identified_2019', 'identified', '2019-01-01', '2019-12-31', sumYear('identified', 0), 'holdout'),
    row('identified_2020', 'identified', '2020-01-01', '2020-12-31', sumYear('identified', 1), 'holdout'),
    row('deported_sabah', 'deportations_sabah', '2019-01-01', '2024-12-31', r.metrics.deportations_sabah!, 'fit'),
    row('deported_sarawak', 'deportations_sarawak', '2019-01-01', '2024-12-31', r.metrics.deportations_sarawak!, 'holdout'),
  ];
  const file = join(dir, 'targets.csv');
  writeFileSync(file, `id,metric,place,from,to,statistic,observed,error,sd,ratio_lo,ratio_hi,role,source\n${rows.join('\n')}\n`);
  return file;
}

describe('calibrate: synthetic recovery', () => {
  it('the posterior 90% intervals cover the true values of three parameters, and resume reruns nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lintas-cal-'));
    const opts: CalibrateOptions = {
      file: SCENARIO,
      targets: await syntheticTargets(dir),
      params: ['params.h0', 'params.ngoOutreach', 'params.raidRateSabah'],
      holdOut: [],
      particles: 20,
      generations: 2,
      quantile: 0.5,
      seed: 11,
      scale: SCALE,
      workers: 2,
      outDir: join(dir, 'out'),
      resume: false,
      baselineRuns: 2,
    };
    const res = await calibrate(opts);
    for (const p of res.posterior) {
      const truth = TRUTH[p.path as keyof typeof TRUTH];
      expect(p.q05, p.path).toBeLessThanOrEqual(truth);
      expect(p.q95, p.path).toBeGreaterThanOrEqual(truth);
    }
    // Informative where the data speak: the departure hazard's interval is well inside its prior.
    const h0 = res.posterior.find((p) => p.path === 'params.h0')!;
    expect(h0.q95 - h0.q05).toBeLessThan(0.6 * (h0.hi - h0.lo));
    const [prior, , posterior] = res.check;
    expect(posterior!.fit!.ard).toBeLessThan(prior!.fit!.ard);
    expect(res.provenance.targetsHash).toMatch(/^[0-9a-f]{64}$/);
    for (let g = 2; g < res.generations!.length; g++) expect(res.generations![g]!.epsilon!).toBeLessThan(res.generations![g - 1]!.epsilon!);

    const posteriorCsv = readFileSync(join(dir, 'out', 'posterior.csv'), 'utf8');
    expect(posteriorCsv.split('\n')[0]).toBe('particle,weight,distance,params.h0,params.ngoOutreach,params.raidRateSabah');
    const again = await calibrate({ ...opts, resume: true });
    expect(readFileSync(join(dir, 'out', 'posterior.csv'), 'utf8')).toBe(posteriorCsv);
    expect(again.posterior).toEqual(res.posterior);
  }, 900_000);

  it('history matching shrinks NROY, and its posterior sits around the true values and fits better than the prior', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lintas-hm-'));
    const res = await calibrate({
      method: 'history',
      file: SCENARIO,
      targets: await syntheticTargets(dir),
      params: ['params.h0', 'params.ngoOutreach', 'params.raidRateSabah'],
      holdOut: [],
      particles: 20,
      generations: 0,
      quantile: 0.5,
      waves: 2,
      // At this scale one run's identified victims are noisy beside the observation error, so one run's likelihood
      // is a noisy weight: enough posterior runs for an effective sample worth a 90% interval.
      runsPerWave: 80,
      // Two of the four fitted figures carry the information (the regular crossings barely move, identified victims
      // are noisy at this scale): the second-largest implausibility would rule out almost nothing.
      combine: 'max',
      // The targets are the model's own figures: no discrepancy between model and world beyond a run's noise.
      discrepancy: 0.02,
      seed: 11,
      scale: SCALE,
      workers: 2,
      outDir: join(dir, 'out'),
      resume: false,
      baselineRuns: 2,
    });
    expect(res.history!.empty).toBe(false);
    expect(res.history!.posteriorEss!).toBeGreaterThan(10);
    const shares = res.waves!.map((w) => w.nroyFraction);
    expect(shares[1]!).toBeLessThan(shares[0]!);
    expect(shares[1]!).toBeLessThan(0.5);
    // The synthetic observations are one run's figures, and at this scale one run's deportations scatter by ±30% and
    // its identified victims are one to four agents: the exact posterior of the error model follows that run's luck
    // (ABC's tolerance widens its posterior, this one has none). So: the truth within 2.5 posterior SDs of the mean.
    for (const p of res.posterior) {
      const truth = TRUTH[p.path as keyof typeof TRUTH];
      expect(Math.abs(p.mean - truth) / p.sd, p.path).toBeLessThan(2.5);
      expect(p.q95 - p.q05, p.path).toBeLessThan(p.hi - p.lo);
    }
    // Where the data speak: the crossings, which the departure hazard moves far beyond one run's noise (Sabah's
    // deportations at this scale scatter by ±30% from seed to seed, as much as across the prior).
    const [prior, , posterior] = res.check;
    const crossings = (c: typeof prior) => c!.targets.filter((t) => t.id === 'informal' || t.id === 'regular').reduce((a, t) => a + t.relativeDifference, 0);
    expect(crossings(posterior)).toBeLessThan(crossings(prior));
  }, 900_000);
});
