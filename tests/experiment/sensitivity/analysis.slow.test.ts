/**
 * `lintas sensitivity` end to end on a short horizon: the design runs through the run-tasks,
 * indices come out per output, a decision output is paired, and mistakes are one clear line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sensitivity, type SensitivityOptions } from '../../../src/experiment/sensitivity/analysis.js';
import { buildSensitivityReport } from '../../../src/report/sensitivity.js';

const dirs: string[] = [];
const out = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-sens-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const base = (over: Partial<SensitivityOptions>): SensitivityOptions => ({
  file: 'tests/fixtures/compare-small.json',
  replicates: 1,
  seed: 1,
  scale: 200,
  weeks: 30,
  workers: 1,
  outDir: out(),
  resume: false,
  method: 'morris',
  params: ['params.h0=0.00005..0.0002', 'params.patrolTechnology=1..2'],
  outputs: ['departures', 'dark_figure'],
  trajectories: 3,
  samples: 8,
  bootstrap: 20,
  ...over,
});

describe('sensitivity', () => {
  it('Morris: r·(k+1) design points, μ* per parameter and output; departures respond to h0 far more than to patrol technology', async () => {
    const opts = base({});
    const r = await sensitivity(opts);
    expect(r.runs).toBe(3 * 3);
    const dep = Object.fromEntries(r.indices.departures!.map((x) => [x.parameter, Number(x.muStar)]));
    expect(dep['params.h0']!).toBeGreaterThan(5 * dep['params.patrolTechnology']!);
    const csv = readFileSync(join(opts.outDir, 'sensitivity.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('method,output,parameter,index,value');
    expect(csv).toContain('morris,departures,params.h0,muStar,');
    expect(readFileSync(join(opts.outDir, 'design.csv'), 'utf8').split('\n')[0]).toBe('point,params.h0,params.patrolTechnology');
  });

  it('Sobol: N·(k+2) points, S1 and ST with intervals; a decision output is the paired difference of two variants', async () => {
    const r = await sensitivity(base({ method: 'sobol', samples: 8, variant: 'patrols', against: 'baseline', outputs: ['interceptions'], replicates: 2 }));
    expect(r.runs).toBe(8 * 4 * 2 * 2);
    expect(r.decision).toEqual({ variant: 'patrols', against: 'baseline' });
    const row = r.indices.interceptions![0]!;
    for (const key of ['S1', 'S1lo', 'S1hi', 'ST', 'STlo', 'SThi']) expect(typeof row[key]).toBe('number');
    expect(r.seedVarianceShare.interceptions).toBeGreaterThanOrEqual(0);
    expect(r.seedVarianceShare.interceptions).toBeLessThanOrEqual(1);
  });

  it('a priors file, a decision: what could flip it, Parquet, and the report with its charts', async () => {
    const dir = out();
    const priors = join(dir, 'priors.yaml');
    writeFileSync(priors, '- { path: params.h0, distribution: loguniform, lo: 0.00005, hi: 0.0002 }\n- { path: params.patrolTechnology, distribution: triangular, lo: 1, hi: 3, mode: 1.5 }\n');
    const opts = base({ params: [], paramsFile: priors, variant: 'patrols', against: 'baseline', outputs: ['interceptions'], parquet: true, outDir: join(dir, 'out') });
    const r = await sensitivity(opts);
    expect(r.factors.map((f) => f.distribution)).toEqual(['loguniform', 'triangular']);
    // Every design value lies inside its prior.
    const design = readFileSync(join(opts.outDir, 'design.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    for (const row of design) {
      expect(row[1]).toBeGreaterThanOrEqual(0.00005);
      expect(row[1]).toBeLessThanOrEqual(0.0002);
      expect(row[2]).toBeGreaterThanOrEqual(1);
      expect(row[2]).toBeLessThanOrEqual(3);
    }
    // More patrols intercept more people at every design point: the decision never changes sign.
    const d = r.decisions.interceptions!;
    expect(d.mean).toBeGreaterThan(0);
    expect(d.shareOpposite).toBe(0);
    expect(d.swings.map((x) => x.parameter).sort()).toEqual(['params.h0', 'params.patrolTechnology']);
    for (const x of d.swings) expect(x.couldFlip).toBe(x.swing / 2 >= Math.abs(d.mean));
    expect(readFileSync(join(opts.outDir, 'sensitivity.parquet')).subarray(0, 4).toString()).toBe('PAR1');
    const { html, charts } = await buildSensitivityReport(opts.outDir);
    expect(html).toContain('What could flip the decision');
    expect(html).toContain('<svg');
    expect(charts.every((c) => existsSync(c))).toBe(true);
  });

  it('refuses a value list, an unknown output and a lone --variant with one line each', async () => {
    await expect(sensitivity(base({ params: ['params.h0=0.1,0.2'] }))).rejects.toThrow('--param params.h0=0.1,0.2: sensitivity needs a range PATH=lo..hi');
    await expect(sensitivity(base({ outputs: ['happiness'] }))).rejects.toThrow('--outputs happiness: not a metric of a run');
    await expect(sensitivity(base({ variant: 'patrols' }))).rejects.toThrow('--variant and --against go together');
  });
});
