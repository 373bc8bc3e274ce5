/**
 * lintas decide end to end on a tiny scenario (scale 200, 52 weeks, 3 draws): the files it writes,
 * common random numbers (a variant identical to the baseline averts exactly nothing in every
 * draw), costs from the definitions, and the report in another language. Several workers and
 * shards: decide.slow.test.ts.
 */
import { csvParse } from 'd3-dsv';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/experiment/decide/analysis.js';
import type { DecideResult } from '../../../src/experiment/decide/decide.js';
import { parseSlurmArgs } from '../../../src/experiment/slurm.js';
import { OUTPUT_FILES } from '../../../src/report/output-files.js';
import { lintas } from '../../cli/helpers.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-decide-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The parameters of the shipped posterior, in its order. */
const POSTERIOR_PATHS = readFileSync('scenarios/posterior-baseline.csv', 'utf8').split('\n')[0]!.split(',').slice(3);
const MENU = ['decide', 'tests/fixtures/decide-small.json', '--measures', 'jointPatrols,ngoCooperation,documentAlignment', '--budget', '20e9', '--posterior', 'scenarios/posterior-baseline.csv', '--params', 'tests/fixtures/decide-priors.yaml', '--draws', '3', '--scale', '200', '--weeks', '52', '--goal', '0.15'];
const FILES = ['decide.json', 'portfolios.csv', 'outcomes.csv', 'draws.csv', 'prim.csv', 'prim-boxes.csv', 'cart.csv', 'voi.csv', 'decide.html', 'manifest.json', 'runs.jsonl'];

let menuDir: string;
let menu: DecideResult;

beforeAll(async () => {
  menuDir = join(tmp(), 'menu');
  const r = await lintas(...MENU, '--workers', '1', '--out', menuDir);
  expect(r.code, r.stderr).toBe(0);
  menu = JSON.parse(readFileSync(join(menuDir, 'decide.json'), 'utf8'));
});

describe('lintas decide on a menu of measures', () => {
  it('writes the tidy files, decide.json, decide.html and the journal; no partial file is left', () => {
    for (const f of FILES) expect(existsSync(join(menuDir, f)), f).toBe(true);
    expect(existsSync(join(menuDir, 'decide.partial.csv'))).toBe(false);
  });

  it('simulates every portfolio within the budget, costed from the definitions (IDR a year, intensity-weighted)', () => {
    // jointPatrols (40 bn) does not fit 20 bn; documentAlignment 3 bn, ngoCooperation 15 bn, both 18 bn.
    expect(menu.decisions.map((d) => [d.name, d.costPerYearIdr])).toEqual([
      ['baseline', 0],
      ['documentAlignment', 3e9],
      ['ngoCooperation', 15e9],
      ['ngoCooperation+documentAlignment', 18e9],
    ]);
    expect(menu.search).toEqual({ affordable: 4, pruned: false, measures: ['jointPatrols', 'ngoCooperation', 'documentAlignment'], intensities: [1] });
    // Over the 51 weeks from the first to the last simulated Monday.
    expect(menu.decisions[1]!.costIdr).toBeCloseTo((3e9 * 51 * 7) / 365.25, 0);
  });

  it('cases averted are the baseline\'s people trafficked minus the portfolio\'s, draw by draw, with the same seeds', () => {
    const rows = csvParse(readFileSync(join(menuDir, 'outcomes.csv'), 'utf8'));
    expect(rows.columns).toEqual(['portfolio', 'draw', 'seed', 'trafficked', 'averted', 'averted_share', 'regret', 'meets_goal']);
    expect(rows.length).toBe(4 * 3);
    const base = rows.filter((r) => r.portfolio === 'baseline');
    for (const r of rows) {
      const b = base.find((x) => x.draw === r.draw)!;
      expect(r.seed).toBe(b.seed);
      expect(Number(r.averted)).toBe(Number(b.trafficked) - Number(r.trafficked));
    }
    expect(base.map((r) => Number(r.averted))).toEqual([0, 0, 0]);
    const draws = csvParse(readFileSync(join(menuDir, 'draws.csv'), 'utf8'));
    expect(draws.columns).toEqual(['draw', 'seed', ...POSTERIOR_PATHS, 'params.patrolKappa', 'params.collusionMean']);
    for (const d of draws) {
      expect(Number(d['params.patrolKappa'])).toBeGreaterThanOrEqual(0.006);
      expect(Number(d['params.patrolKappa'])).toBeLessThanOrEqual(0.03);
    }
  });

  it('reports the front, the choices, the main portfolio, scenario discovery and the value of information', () => {
    const names = menu.decisions.map((d) => d.name);
    expect(names).toContain(menu.choices.maxExpected);
    expect(menu.main.name).toBe(menu.choices.maxExpected);
    expect(menu.decisions.reduce((s, d) => s + d.pBest, 0)).toBeCloseTo(1, 12);
    expect(menu.decisions[0]!.pareto).toBe(true);
    expect(menu.voi.evpi).toBeGreaterThanOrEqual(0);
    for (const e of menu.voi.evppi) expect(e.value).toBeLessThanOrEqual(menu.voi.evpi + 1e-9);
    expect(menu.uncertainty.parameters.map((p) => p.source)).toEqual([...POSTERIOR_PATHS.map(() => 'posterior'), 'prior', 'prior']);
    const portfolios = csvParse(readFileSync(join(menuDir, 'portfolios.csv'), 'utf8'));
    expect(portfolios.map((r) => r.portfolio)).toEqual(names);
    expect(readFileSync(join(menuDir, 'voi.csv'), 'utf8').split('\n')[0]).toBe('measure,parameter,source,value,noise,share_of_evpi');
  });

  it('writes the columns docs/outputs.md documents (src/report/output-files.ts)', () => {
    const documented = (file: string) => OUTPUT_FILES.find((f) => f.file === file && f.command === 'decide')!.columns.map((c) => c.name);
    for (const file of ['portfolios.csv', 'outcomes.csv', 'prim.csv', 'prim-boxes.csv', 'cart.csv', 'voi.csv'])
      expect(readFileSync(join(menuDir, file), 'utf8').split('\n')[0]!.split(','), file).toEqual(documented(file));
    const draws = readFileSync(join(menuDir, 'draws.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(draws.slice(0, 2)).toEqual(documented('draws.csv').slice(0, 2));
    for (const f of readdirSync(menuDir)) expect(OUTPUT_FILES.map((x) => x.file).join(' '), f).toContain(f);
  });

  it('lintas report rebuilds decide.html in Bahasa Indonesia', async () => {
    const r = await lintas('report', menuDir, '--lang', 'id');
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(menuDir, 'decide.html'), 'utf8');
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Langkah mana yang didanai');
    expect(html).toContain('Kerja sama dengan LSM');
  });
});

describe('lintas decide among the variants of a scenario', () => {
  it('a variant identical to the baseline averts exactly nothing in every draw (common random numbers); costs as compare', async () => {
    const out = join(tmp(), 'variants');
    const r = await lintas('decide', 'tests/fixtures/decide-variants.json', '--params', 'tests/fixtures/decide-priors.yaml', '--draws', '3', '--scale', '200', '--weeks', '26', '--workers', '1', '--budget', '10e9', '--no-report', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('lintas decide: decide-variants, 4 decisions');
    const res = JSON.parse(readFileSync(join(out, 'decide.json'), 'utf8')) as DecideResult;
    expect(res.mode).toBe('variants');
    expect(res.decisions.map((d) => d.name)).toEqual(['baseline', 'same', 'ngo', 'training']);
    const same = csvParse(readFileSync(join(out, 'outcomes.csv'), 'utf8')).filter((x) => x.portfolio === 'same');
    expect(same.map((x) => Number(x.averted))).toEqual([0, 0, 0]);
    // ngoCooperation costs 15 bn a year: over the budget, so never best and not chosen.
    const ngo = res.decisions.find((d) => d.name === 'ngo')!;
    expect(ngo.withinBudget).toBe(false);
    expect(ngo.pBest).toBe(0);
    expect(ngo.costPerYearIdr).toBeCloseTo(15e9, -3);
    expect(res.choices.maxExpected).not.toBe('ngo');
    expect(existsSync(join(out, 'decide.html'))).toBe(false);
  });
});

describe('lintas slurm decide', () => {
  it('shards decide like compare: the command without --workers and --shard', () => {
    const { command, options } = parseSlurmArgs([...MENU, '--out', 'out/d', '--shards', '4', '--workers', '2']);
    expect(command).toEqual([...MENU, '--out', 'out/d']);
    expect(options.shards).toBe(4);
  });
});

describe('the analysis', () => {
  it('turns people trafficked into cases averted, regret and failures of the main decision, and finds the box where it fails', () => {
    // 40 draws; the second decision averts 20% of 1000 cases unless p > 0.7, where it averts 5%.
    const n = 40;
    const p = Array.from({ length: n }, (_, d) => (d + 0.5) / n);
    const q = Array.from({ length: n }, (_, d) => ((d * 17) % n) / n);
    const base = p.map(() => 1000);
    const second = p.map((x) => (x > 0.7 ? 950 : 800));
    const third = p.map(() => 850);
    const a = analyse(
      [
        { name: 'baseline', costPerYearIdr: 0, costIdr: 0, withinBudget: true },
        { name: 'two', costPerYearIdr: 5, costIdr: 5, withinBudget: true },
        { name: 'three', costPerYearIdr: 3, costIdr: 3, withinBudget: true },
      ],
      [base, second, third],
      { paths: ['params.p', 'params.q'], sources: ['prior', 'prior'], values: p.map((x, d) => [x, q[d]!]) },
      { goal: 0.1, seed: 1 },
    );
    expect(a.choices.maxExpected).toBe('two'); // mean 200·0.7 + 50·0.3 = 155 > 150
    expect(a.choices.minMaxRegret).toBe('three'); // max regret 50 (p ≤ 0.7) against 100 (p > 0.7)
    expect(a.choices.separation!.driver!.parameter).toBe('params.p');
    expect(a.main).toEqual({ name: 'two', failures: 12, draws: 40, from: 'max-expected' });
    const box = a.prim!.boxes[0]!;
    expect(box.box.coverage).toBe(1);
    expect(box.box.density).toBe(1);
    expect(box.restrictions.map((r) => r.parameter)).toEqual(['params.p']);
    expect(box.restrictions[0]!.lo).toBeGreaterThan(0.7);
    expect(a.cart![0]!.split!.parameter).toBe('params.p');
    // Knowing p decides between two and three: EVPPI(p) ≈ EVPI = E[max] − max E = (0.7·200 + 0.3·150) − 155 = 30.
    expect(a.voi.evpi).toBeCloseTo(30, 6);
    expect(a.voi.evppi[0]!.parameter).toBe('params.p');
    expect(a.voi.evppi[0]!.value).toBeGreaterThan(20);
    expect(a.voi.evppi[0]!.value).toBeGreaterThan(2 * a.voi.evppi[0]!.noise);
    expect(a.voi.evppi.find((e) => e.parameter === 'params.q')!.value).toBeLessThan(a.voi.evppi[0]!.value);
  });
});
