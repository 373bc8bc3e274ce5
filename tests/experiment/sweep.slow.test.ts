/** Sweeps through the real binary: killed part-way (SIGKILL) and resumed, the files equal an uninterrupted run's. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalLines, killAfter, run, tempDirs } from './killed-run.js';

const tmp = tempDirs('lintas-sweep-');
const SWEEP = ['bin/lintas.js', 'sweep', 'scenarios/baseline.ts', '--param', 'params.patrolKappa=0.004,0.008,0.012,0.016,0.02,0.024', '--replicates', '2', '--scale', '50', '--weeks', '52', '--workers', '1'];
const outputs = ['sweep.csv', 'sweep.json', 'runs.jsonl', 'manifest.json'];

describe('lintas sweep', () => {
  it('keeps finished runs when killed and, resumed, ends with files identical to an uninterrupted run', async () => {
    const whole = tmp();
    const r = await run([...SWEEP, '--out', whole]);
    expect(r.status, r.stderr).toBe(0);
    const rows = readFileSync(join(whole, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('point,replicate,seed,params.patrolKappa,metric,value');

    const cut = tmp();
    await killAfter([...SWEEP, '--out', cut], cut, 3);
    const kept = journalLines(cut);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(12);
    expect(existsSync(join(cut, 'sweep.partial.csv'))).toBe(true);
    expect(existsSync(join(cut, 'sweep.csv'))).toBe(false);

    const resumed = await run([...SWEEP, '--out', cut, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    for (const f of outputs) expect(readFileSync(join(cut, f), 'utf8')).toBe(readFileSync(join(whole, f), 'utf8'));
  });
});
