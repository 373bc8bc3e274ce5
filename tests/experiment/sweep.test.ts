/** Sweeps: design points, tidy output, Parquet, and one-line errors for bad specs (kill-and-resume: sweep.slow.test.ts). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designPoints, parseParamSpec } from '../../src/experiment/sweep.js';
import { lintas, NO_STACK } from '../cli/helpers.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-sweep-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('design', () => {
  it('builds the full factorial of value lists', () => {
    const pts = designPoints([parseParamSpec('params.a=1,2'), parseParamSpec('params.b=x,y,z')], undefined, 1);
    expect(pts).toHaveLength(6);
    expect(pts[0]).toEqual([['params.a', 1], ['params.b', 'x']]);
    expect(pts[5]).toEqual([['params.a', 2], ['params.b', 'z']]);
  });

  it('draws a Latin hypercube: one point in each of N strata per range, the same for the same seed', () => {
    const specs = [parseParamSpec('params.a=0..10'), parseParamSpec('params.b=100..200')];
    const pts = designPoints(specs, 5, 7);
    expect(pts).toEqual(designPoints(specs, 5, 7));
    for (const [j, lo, width] of [[0, 0, 10], [1, 100, 100]] as const) {
      const strata = pts.map((p) => Math.floor(((p[j]![1] as number) - lo) / (width / 5))).sort();
      expect(strata).toEqual([0, 1, 2, 3, 4]);
    }
    expect(designPoints(specs, 5, 8)).not.toEqual(pts);
  });
});

describe('lintas sweep', () => {
  it('writes Parquet with the same rows as the CSV', async () => {
    const out = tmp();
    const r = await lintas('sweep', 'scenarios/baseline.ts', '--param', 'params.collusionMean=0.2,0.4', '--scale', '50', '--weeks', '26', '--workers', '1', '--parquet', '--out', out);
    // Not on a terminal: progress comes as lines, nothing else.
    expect(r.stderr).toMatch(/^(runs \d+\/\d+ \(\d+%\), .*\n)+$/);
    expect(r.code).toBe(0);
    const { readParquet } = await import('parquet-wasm/node');
    const { tableFromIPC } = await import('apache-arrow');
    const table = tableFromIPC(readParquet(readFileSync(join(out, 'sweep.parquet'))).intoIPCStream());
    const csvRows = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(csvRows[0]).toBe('point,replicate,seed,params.collusionMean,metric,value');
    expect(table.numRows).toBe(csvRows.length - 1);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['point', 'replicate', 'seed', 'params.collusionMean', 'metric', 'value']);
  });

  it.each([
    [['--param', 'params.hOO=1,2'], '--param params.hOO: unknown path "params.hOO" in scenarios/baseline.ts'],
    [['--param', 'params.h0='], '--param params.h0=: expected one or more values after "="'],
    [['--param', 'params.h0=2..1', '--samples', '4'], '--param params.h0=2..1: expected a range lo..hi of numbers with lo < hi, got "2..1"'],
    [['--param', 'params.h0=a..b', '--samples', '4'], '--param params.h0=a..b: expected a range lo..hi of numbers with lo < hi, got "a..b"'],
    [['--param', 'params.h0=0.1..0.2'], '--param params.h0=0.1..0.2: a range needs --samples N (Latin hypercube)'],
    [[], 'sweep: expected at least one --param PATH=values'],
  ])('rejects %j with one clear line and exit code 2', async (args, message) => {
    const r = await lintas('sweep', 'scenarios/baseline.ts', ...args);
    expect(r.stderr).not.toContain(NO_STACK);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});
