/** Comparisons: common random numbers, paired intervals, tidy rows, costs (worker-count independence: compare.slow.test.ts). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, type Comparison } from '../../src/experiment/compare.js';

const FILE = 'tests/fixtures/compare-small.json';
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-compare-'));
  dirs.push(d);
  return d;
};

let one: string;
let result: Comparison;

beforeAll(async () => {
  one = tmp();
  result = await compare({ file: FILE, replicates: 6, scale: 40, weeks: 78, workers: 1, outDir: one, resume: false });
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('lintas compare', () => {
  it('gives a paired difference of exactly 0 in every metric for a variant identical to baseline', () => {
    const same = result.variants.find((v) => v.name === 'same')!;
    const metrics = Object.values(same.metrics);
    expect(metrics.length).toBeGreaterThan(50);
    for (const m of metrics) expect(m.diff).toMatchObject({ mean: 0, lo: 0, hi: 0 });
  });

  it('narrows the interval by pairing when only patrol detection changes', () => {
    const patrols = result.variants.find((v) => v.name === 'patrols')!;
    // Metrics the change drives only indirectly: pairing removes the noise both runs share.
    for (const metric of ['departures']) {
      const s = patrols.metrics[metric]!;
      expect(s.diff!.hi - s.diff!.lo, metric).toBeLessThan(s.unpairedDiff!.hi - s.unpairedDiff!.lo);
    }
    // The change itself is visible: more interceptions.
    expect(patrols.metrics.interceptions!.diff!.lo).toBeGreaterThan(0);
  });

  it('writes tidy rows: variant, replicate, seed, metric, value', () => {
    const lines = readFileSync(join(one, 'comparison.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('variant,replicate,seed,metric,value');
    const variants = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    expect([...variants]).toEqual(['baseline', 'same', 'patrols', 'ngo']);
    const perRun = (lines.length - 1) / (4 * 6);
    expect(Number.isInteger(perRun)).toBe(true);
    expect(lines[1]).toMatch(/^baseline,0,1,departures,\d+$/);
  });

  it('prices a case averted only where costs are given and the reduction is clear', () => {
    const ngo = result.variants.find((v) => v.name === 'ngo')!;
    expect(ngo.costIdr).toBeGreaterThan(1e9);
    const d = ngo.metrics.trafficked!.diff!;
    if (d.hi < 0) expect(ngo.costPerTraffickingCaseAvertedIdr).toBeCloseTo(ngo.costIdr / -d.mean, 0);
    else expect(ngo.costPerTraffickingCaseAvertedIdr).toBeNull();
    expect(result.variants.find((v) => v.name === 'patrols')!.costPerTraffickingCaseAvertedIdr).toBeNull();
  });
});
