/**
 * compare --posterior: each replicate runs one parameter set drawn by weight, the same in every
 * variant (so differences stay paired), kept when replicates are added, and named in the output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePosterior } from '../../src/experiment/calibrate/posterior.js';
import { compare } from '../../src/experiment/compare.js';
import { posteriorDraw } from '../../src/experiment/calibrate/posterior.js';
import { comparisonTable } from '../../src/experiment/table.js';
import { buildReport } from '../../src/report/report.js';

const dir = mkdtempSync(join(tmpdir(), 'lintas-posterior-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CSV = 'particle,weight,distance,params.h0\n0,0.7,1,0.00005\n1,0.3,1,0.0002\n';
const post = parsePosterior(CSV);

describe('posteriorDraw', () => {
  it('picks particles in proportion to their weights', () => {
    const n = 4000;
    let high = 0;
    for (let r = 0; r < n; r++) if (posteriorDraw(post, 1, r)[0]![1] === 0.0002) high++;
    expect(high / n).toBeGreaterThan(0.27);
    expect(high / n).toBeLessThan(0.33);
  });

  it("a replicate's draw depends on the seed and the replicate only", () => {
    expect(posteriorDraw(post, 5, 3)).toEqual(posteriorDraw(post, 5, 3));
    const bySeed = new Set(Array.from({ length: 40 }, (_, s) => posteriorDraw(post, s, 0)[0]![1]));
    expect(bySeed.size).toBe(2);
  });
});

describe('compare --posterior', () => {
  it('runs every variant of a replicate with the same drawn parameters, and says so', async () => {
    const file = join(dir, 'posterior.csv');
    writeFileSync(file, CSV);
    const base = { file: 'tests/fixtures/compare-small.json', replicates: 4, seed: 1, scale: 200, weeks: 30, workers: 1, resume: false };
    const c = await compare({ ...base, outDir: join(dir, 'with'), posterior: file });
    const plain = await compare({ ...base, outDir: join(dir, 'without') });
    // "same" is the baseline under another name: identical per replicate, so its paired difference is exactly 0.
    const same = c.variants.find((v) => v.name === 'same')!.metrics.departures!.diff!;
    expect([same.mean, same.lo, same.hi]).toEqual([0, 0, 0]);
    // The drawn h0 moves departures: the baseline differs from the run without a posterior.
    expect(c.variants[0]!.metrics.departures!.mean).not.toBe(plain.variants[0]!.metrics.departures!.mean);
    expect(c.posterior).toMatchObject({ file, particles: 2, parameters: ['params.h0'] });
    expect(plain.posterior).toBeUndefined();
    // No calibration summary beside this posterior: the report has no calibration section.
    expect(c.posterior!.calibration).toBeUndefined();
    expect(comparisonTable(c, ['trafficked'])).toContain(`The intervals cover the variation between seeds and the 1 calibrated parameters drawn from ${file};`);
    expect(comparisonTable(plain, ['trafficked'])).toContain('The intervals cover the variation between seeds only');
  });

  it('carries the calibration summary beside the shipped posterior into comparison.json and the report', async () => {
    const out = join(dir, 'shipped');
    const c = await compare({ file: 'tests/fixtures/compare-small.json', replicates: 2, seed: 1, scale: 200, weeks: 8, workers: 1, resume: false, outDir: out, posterior: 'scenarios/posterior-baseline.csv' });
    expect(c.posterior!.calibration!.file).toBe('scenarios/posterior-baseline.json');
    const shipped = JSON.parse(readFileSync('scenarios/posterior-baseline.json', 'utf8'));
    expect(c.posterior!.calibration!.parameters).toHaveLength(shipped.factors.length);
    expect(JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')).posterior.calibration.targets).toHaveLength(shipped.fitted.length + shipped.heldOut.length);
    const { html, charts } = await buildReport(out);
    expect(html).toContain('<h2 id="calibration">');
    expect(charts.map((f) => f.split('/').pop())).toEqual(expect.arrayContaining(['prior-posterior.png', 'predictive-check.png']));
    expect(html).toContain('data-chart="predictive-check"');
  });

  it('refuses a posterior whose parameters make no valid scenario, before any run', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'particle,weight,distance,params.h0\n0,1,1,-3\n');
    await expect(compare({ file: 'tests/fixtures/compare-small.json', replicates: 2, scale: 200, weeks: 30, workers: 1, resume: false, outDir: join(dir, 'bad'), posterior: file })).rejects.toThrow(
      `--posterior ${file}: replicate 0's parameters do not make a valid scenario of variant baseline:`,
    );
  });
});
