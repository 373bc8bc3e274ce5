/** Sweeps through the real binary: killed part-way (SIGKILL) and resumed, the files equal an uninterrupted run's. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
});
