/** Sweeps: design points, tidy output, kill-and-resume, and one-line errors for bad specs. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designPoints, parseParamSpec } from '../../src/experiment/sweep.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-sweep-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SWEEP = ['bin/lintas.js', 'sweep', 'scenarios/baseline.ts', '--param', 'params.patrolKappa=0.004,0.008,0.012,0.016,0.02,0.024', '--replicates', '2', '--scale', '50', '--weeks', '52', '--workers', '1'];
const lintas = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8' });
const outputs = ['sweep.csv', 'sweep.json', 'runs.jsonl', 'manifest.json'];

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
  it('keeps finished runs when killed and, resumed, ends with files identical to an uninterrupted run', async () => {
    const whole = tmp();
    const r = lintas([...SWEEP, '--out', whole]);
    expect(r.status).toBe(0);
    const rows = readFileSync(join(whole, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('point,replicate,seed,params.patrolKappa,metric,value');

    const cut = tmp();
    const child = spawn(process.execPath, [...SWEEP, '--out', cut], { stdio: 'ignore' });
    const journal = join(cut, 'runs.jsonl');
    const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (lines() >= 3) {
          child.kill('SIGKILL');
          clearInterval(timer);
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the sweep finished before it could be interrupted'));
      });
    });
    await new Promise((r2) => child.on('close', r2));
    const kept = lines();
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(12);
    expect(existsSync(join(cut, 'sweep.partial.csv'))).toBe(true);
    expect(existsSync(join(cut, 'sweep.csv'))).toBe(false);

    const resumed = lintas([...SWEEP, '--out', cut, '--resume']);
    expect(resumed.status).toBe(0);
    for (const f of outputs) expect(readFileSync(join(cut, f), 'utf8')).toBe(readFileSync(join(whole, f), 'utf8'));
  });

  it('writes Parquet with the same rows as the CSV', async () => {
    const out = tmp();
    const r = lintas(['bin/lintas.js', 'sweep', 'scenarios/baseline.ts', '--param', 'params.collusionMean=0.2,0.4', '--scale', '50', '--weeks', '26', '--workers', '1', '--parquet', '--out', out]);
    expect(r.status).toBe(0);
    const { readParquet } = await import('parquet-wasm/node');
    const { tableFromIPC } = await import('apache-arrow');
    const table = tableFromIPC(readParquet(readFileSync(join(out, 'sweep.parquet'))).intoIPCStream());
    const csvRows = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n').length - 1;
    expect(table.numRows).toBe(csvRows);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['point', 'replicate', 'seed', 'params.collusionMean', 'metric', 'value']);
  });

  it.each([
    [['--param', 'params.hOO=1,2'], '--param params.hOO: unknown path "params.hOO" in scenarios/baseline.ts'],
    [['--param', 'params.h0='], '--param params.h0=: expected one or more values after "="'],
    [['--param', 'params.h0=2..1', '--samples', '4'], '--param params.h0=2..1: expected a range lo..hi of numbers with lo < hi, got "2..1"'],
    [['--param', 'params.h0=a..b', '--samples', '4'], '--param params.h0=a..b: expected a range lo..hi of numbers with lo < hi, got "a..b"'],
    [['--param', 'params.h0=0.1..0.2'], '--param params.h0=0.1..0.2: a range needs --samples N (Latin hypercube)'],
    [[], 'sweep: expected at least one --param PATH=values'],
  ])('rejects %j with one clear line and exit 2', (args, message) => {
    const r = lintas(['bin/lintas.js', 'sweep', 'scenarios/baseline.ts', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(message);
  });
});
