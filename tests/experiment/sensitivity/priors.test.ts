/**
 * Priors: read from a file and checked against the scenario, defaulted from each parameter's range
 * or source, and mapped from the unit cube by their inverse CDFs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bandFromSource, defaultPriors, type Prior, quantileOf, readPriors } from '../../../src/experiment/sensitivity/priors.js';
import { loadScenario, readScenarioFile } from '../../../src/scenario/load.js';

const dir = mkdtempSync(join(tmpdir(), 'lintas-priors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const data = await readScenarioFile('tests/fixtures/compare-small.json');

describe('readPriors', () => {
  it('reads YAML, JSON and CSV priors, with a table cell by id', () => {
    const yaml = file('p.yaml', 'priors:\n  - { path: params.h0, distribution: loguniform, lo: 0.00005, hi: 0.0002 }\n  - { path: params.patrolTechnology, distribution: triangular, lo: 1, hi: 2, mode: 1.5, source: "assumption: cameras" }\n');
    const ps = readPriors(yaml, data);
    expect(ps.map((p) => p.distribution)).toEqual(['loguniform', 'triangular']);
    expect(ps[1]!.source).toBe('assumption: cameras');
    const csv = file('p.csv', 'path,distribution,lo,hi,mode,source\nparams.h0,uniform,0.00005,0.0002,,data\n');
    expect(readPriors(csv, data)).toEqual([{ path: 'params.h0', distribution: 'uniform', lo: 0.00005, hi: 0.0002, source: 'data' }]);
    const json = file('p.json', JSON.stringify([{ path: 'params.h0', lo: 1e-5, hi: 1e-4 }]));
    expect(readPriors(json, data)[0]!.distribution).toBe('uniform');
  });

  it('accepts a model parameter the file leaves at its default, given the parsed parameters', async () => {
    const s = await loadScenario('tests/fixtures/compare-small.json');
    const path = file('d.yaml', '- { path: params.mcoDemandCut, lo: 0.3, hi: 0.8 }\n');
    expect(() => readPriors(path, data)).toThrow('[0].path: params.mcoDemandCut does not lead to a number in the scenario');
    expect(readPriors(path, data, s.params)[0]!.path).toBe('params.mcoDemandCut');
  });

  it('names the row and field of each mistake', () => {
    const bad = (text: string) => () => readPriors(file('bad.yaml', text), data);
    expect(bad('- { path: params.h0, lo: 2, hi: 1 }')).toThrow('[0].hi: expected lo < hi, got 2 and 1');
    expect(bad('- { path: params.h0, lo: 0, hi: 1, distribution: loguniform }')).toThrow('[0].lo: a log-uniform prior needs lo > 0');
    expect(bad('- { path: params.h0, lo: 0, hi: 1, distribution: triangular }')).toThrow('[0].mode: a triangular prior needs a mode');
    expect(bad('- { path: params.h0, lo: 0, hi: 1, distribution: triangular, mode: 3 }')).toThrow('[0].mode: expected lo ≤ mode ≤ hi, got 3');
    expect(bad('- { path: params.h0, lo: 0, hi: 1, distribution: normal }')).toThrow('[0].distribution:');
    expect(bad('- { path: params.h0, lo: 0, hi: 1, sd: 2 }')).toThrow("[0]: Unrecognized key(s) in object: 'sd'");
    expect(bad('- { path: params.nothing, lo: 0, hi: 1 }')).toThrow('[0].path: params.nothing does not lead to a number in the scenario');
    expect(bad('- { path: params.h0, lo: 0, hi: 1 }\n- { path: params.h0, lo: 0, hi: 2 }')).toThrow('[1].path: params.h0 is listed twice');
    expect(bad('priors: []')).toThrow('expected a non-empty list of priors');
    expect(() => readPriors(join(dir, 'missing.yaml'), data)).toThrow('missing.yaml: no such file');
    expect(() => readPriors(dir, data)).toThrow('not a regular file');
    expect(() => readPriors(file('p.toml', 'x'), data)).toThrow('expected a .csv, .json or .yaml priors file');
  });
});

describe('default priors', () => {
  it('every parameter with a range varies uniformly over it', async () => {
    const s = await loadScenario('scenarios/baseline.ts');
    const ps = defaultPriors(s);
    const withRange = Object.values(s.paramRanges).filter((r) => r && r[1] > r[0]).length;
    expect(ps.length).toBeGreaterThanOrEqual(withRange);
    const h0 = ps.find((p) => p.path === 'params.h0')!;
    expect([h0.lo, h0.hi]).toEqual([...s.paramRanges.h0!]);
  });

  it('without a range, data gets ±20% and an assumption ×½ to ×2', () => {
    expect(bandFromSource(10, 'facts: BP2MI 2023')).toMatchObject({ lo: 8, hi: 12 });
    expect(bandFromSource(10, 'assumption: no data')).toMatchObject({ lo: 5, hi: 20 });
    expect(bandFromSource(-10, 'Assumed')).toMatchObject({ lo: -20, hi: -5 });
  });
});

describe('quantileOf', () => {
  const u: Prior = { path: 'x', distribution: 'uniform', lo: 2, hi: 4, source: '' };
  it('maps 0, ½ and 1 onto each distribution', () => {
    expect([0, 0.5, 1].map((q) => quantileOf(u, q))).toEqual([2, 3, 4]);
    const log: Prior = { ...u, distribution: 'loguniform', lo: 1, hi: 100 };
    expect(quantileOf(log, 0.5)).toBeCloseTo(10, 10);
    const tri: Prior = { ...u, distribution: 'triangular', lo: 0, hi: 1, mode: 0 };
    // F(x) = 1 − (1 − x)² on [0, 1]: the median is 1 − √½.
    expect(quantileOf(tri, 0.5)).toBeCloseTo(1 - Math.SQRT1_2, 12);
    const sym: Prior = { ...tri, mode: 0.5 };
    expect(quantileOf(sym, 0.5)).toBeCloseTo(0.5, 12);
    expect(quantileOf(sym, 0)).toBe(0);
    expect(quantileOf(sym, 1)).toBe(1);
  });
  it('is monotone', () => {
    const tri: Prior = { ...u, distribution: 'triangular', mode: 2.5 };
    let last = -Infinity;
    for (let q = 0; q <= 1; q += 0.01) {
      const v = quantileOf(tri, q);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
  });
});
