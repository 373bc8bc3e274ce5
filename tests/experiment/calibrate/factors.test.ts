/** Which parameters a calibration fits, and over what prior: flags, the scenario's ranges, or a priors file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, factorsOf } from '../../../src/experiment/calibrate/calibrate.js';
import { UserError } from '../../../src/core/errors.js';
import { parseScenario, readScenarioFile } from '../../../src/scenario/load.js';

let data: unknown;
let ranges: Record<string, readonly [number, number] | undefined>;
beforeAll(async () => {
  data = await readScenarioFile('scenarios/baseline.ts');
  ranges = { ...parseScenario(data).paramRanges };
});

describe('factorsOf', () => {
  it('defaults to a handful of parameters over their scenario ranges, with the hand-set values', () => {
    const f = factorsOf([], data, ranges);
    expect(f.map((x) => x.path)).toEqual(DEFAULT_PARAMS);
    expect(f[0]).toEqual({ path: 'params.h0', lo: 5e-5, hi: 2e-4, handSet: 0.00011 });
  });

  it('takes PATH=lo..hi for any numeric path, and a priors file with log-uniform priors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lintas-priors-'));
    const file = join(dir, 'priors.csv');
    writeFileSync(file, 'path,distribution,lo,hi,source\nparams.h0,loguniform,0.00005,0.0002,test\n');
    const f = factorsOf(['crossings.entikong.officers=20..60', file], data, ranges);
    expect(f).toEqual([
      { path: 'crossings.entikong.officers', lo: 20, hi: 60, handSet: 40 },
      { path: 'params.h0', lo: 5e-5, hi: 2e-4, handSet: 0.00011, log: true },
    ]);
    writeFileSync(file, 'path,distribution,lo,hi,mode,source\nparams.h0,triangular,0.00005,0.0002,0.0001,test\n');
    expect(() => factorsOf([file], data, ranges)).toThrow(UserError);
    expect(() => factorsOf(['params.h0', 'params.h0=1..2'], data, ranges)).toThrow('--params params.h0: listed twice');
  });
});
