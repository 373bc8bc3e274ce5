/** `lintas calibrate` refuses bad requests with one clear line each, before any run; `--method history` runs end to end on a tiny scenario. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintas, NO_STACK } from '../../cli/helpers.js';

const refuses = async (args: string[], line: string) => {
  const r = await lintas('calibrate', 'scenarios/baseline.ts', ...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`${line}\n`);
  expect(r.stderr).not.toContain(NO_STACK);
};

describe('lintas calibrate: mistakes', () => {
  it('names the problem', async () => {
    await refuses(['--method', 'history-matching'], '--method history-matching: expected abc-smc or history');
    await refuses(['--method', 'history', '--cutoff', '0'], '--cutoff 0: expected a number above 0');
    await refuses(['--method', 'history', '--combine', 'third'], '--combine third: expected second or max');
    await refuses(['--fit-years', '2023-2019'], '--fit-years 2023-2019: expected a year or a range like 2019-2022');
    await refuses(['--hold-out', 'nope'], '--hold-out nope: no target with that id in scenarios/data/targets.csv');
    await refuses(['--params', 'params.nope=1..2'], '--params params.nope: not a number in the scenario');
    await refuses(['--params', 'params.h0=3..1'], '--param params.h0=3..1: expected a range lo..hi of numbers with lo < hi, got "3..1"');
    await refuses(['--params', 'crossings.entikong.officers'], '--params crossings.entikong.officers: the scenario gives it no range; write crossings.entikong.officers=lo..hi');
    await refuses(['--targets', 'nowhere.csv'], '--targets nowhere.csv: no such file');
    await refuses(['--fit-years', '2030'], 'scenarios/data/targets.csv: no target left to fit (check --fit-years and --hold-out)');
  });
});

/** Few, coarse runs (a one-year spin-up at 2,800 persons per agent, two parameters): the plumbing, not the fit. */
const HISTORY = ['calibrate', 'tests/experiment/calibrate/quick.json', '--method', 'history', '--scale', '2800', '--params', 'params.h0', '--params', 'params.raidRateSabah', '--runs-per-wave', '6', '--particles', '4', '--baseline-runs', '1', '--workers', '2'];

describe('lintas calibrate --method history', () => {
  it("matches in waves, writes the posterior in ABC's format and the wave history, and resumes to the same bytes", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lintas-hm-')), 'out');
    const r = await lintas(...HISTORY, '--waves', '2', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.method).toBe('history');
    expect(res.generations).toBeUndefined();
    expect(res.waves.map((w: { wave: number; runs: number }) => [w.wave, w.runs])).toEqual([
      [1, 6],
      [2, 6],
    ]);
    for (const w of res.waves) {
      expect(w.nroyFraction).toBeGreaterThan(0);
      expect(w.nroyFraction).toBeLessThanOrEqual(1);
      expect(w.emulators.map((e: { target: string }) => e.target)).toEqual(res.fitted);
      for (const e of w.emulators) expect(Object.keys(e.loo)).toEqual(['n', 'rmse', 'meanStandardised', 'rmsStandardised', 'within2', 'outside3', 'maxAbsStandardised']);
    }
    expect(res.history).toMatchObject({ cutoff: 3, discrepancy: 0.1, combine: 'second', runsPerWave: 6, empty: false, finding: null, posteriorRuns: 6 });
    expect(res.check.map((c: { ensemble: string }) => c.ensemble)).toEqual(['prior', 'hand-set', 'posterior']);
    for (const dir of ['w1-b0', 'w2-b0', 'posterior', 'baseline', 'predictive']) expect(existsSync(join(out, 'runs', dir, 'runs.jsonl')), dir).toBe(true);
    const posterior = readFileSync(join(out, 'posterior.csv'), 'utf8');
    expect(posterior.split('\n')[0]).toBe('particle,weight,distance,params.h0,params.raidRateSabah');
    expect(posterior.trim().split('\n')).toHaveLength(7);
    const json = readFileSync(join(out, 'calibration.json'), 'utf8');
    expect(JSON.parse(json).waves).toEqual(res.waves);

    const table = await lintas(...HISTORY, '--waves', '2', '--out', out, '--resume');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('lintas calibrate (history matching): quick, 2 parameters');
    expect(table.stdout).toMatch(/wave +runs +trained on +emulators trusted +implausibility of its runs +NROY share/);
    expect(table.stdout).toContain('posterior: 6 runs inside NROY');
    expect(readFileSync(join(out, 'posterior.csv'), 'utf8')).toBe(posterior);
    expect(readFileSync(join(out, 'calibration.json'), 'utf8')).toBe(json);
  });

  it('reports an empty NROY as a finding: no posterior, the prior and hand-set checks still run', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lintas-hm-')), 'out');
    // A cut-off of 0.01 SD rules out everything.
    const r = await lintas(...HISTORY, '--waves', '3', '--cutoff', '0.01', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NROY is empty after wave 1: no parameter set in the prior box reproduces the fitted targets within their stated uncertainties \(cut-off 0\.01; the smallest implausibility among its runs is \d/);
    expect(r.stdout).toContain(`wrote ${join(out, 'predictive.csv')}, ${join(out, 'calibration.json')}`);
    expect(existsSync(join(out, 'posterior.csv'))).toBe(false);
    const res = JSON.parse(readFileSync(join(out, 'calibration.json'), 'utf8'));
    expect(res.waves).toHaveLength(1);
    expect(res.history).toMatchObject({ empty: true, nroyFraction: 0, posteriorEss: null });
    expect(res.posterior).toEqual([]);
    expect(res.check.map((c: { ensemble: string }) => c.ensemble)).toEqual(['prior', 'hand-set']);
  });
});
