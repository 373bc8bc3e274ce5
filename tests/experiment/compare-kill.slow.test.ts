/**
 * A compare killed with SIGKILL part-way keeps its finished runs (and its lease, which the next run
 * on this host takes over at once, its holder having ended); resumed, it ends with files byte-identical to an uninterrupted run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalLines, killAfter, run, tempDirs } from './killed-run.js';

const tmp = tempDirs('lintas-compare-kill-');
const COMPARE = ['bin/lintas.js', 'compare', 'tests/fixtures/compare-small.json', '--replicates', '4', '--scale', '50', '--weeks', '104', '--workers', '1'];
const outputs = ['comparison.csv', 'comparison.json', 'weekly.csv', 'scenario.json', 'runs.jsonl', 'manifest.json', 'report.html'];

describe('lintas compare, killed', () => {
  it('resumes after kill -9 to files identical to an uninterrupted run', async () => {
    const whole = tmp();
    const r = await run([...COMPARE, '--out', whole]);
    expect(r.status, r.stderr).toBe(0);

    const cut = tmp();
    await killAfter([...COMPARE, '--out', cut], cut, 3);
    expect(journalLines(cut)).toBeGreaterThanOrEqual(3);
    expect(journalLines(cut)).toBeLessThan(16);
    expect(existsSync(join(cut, 'lintas.lease'))).toBe(true);
    expect(existsSync(join(cut, 'comparison.csv'))).toBe(false);

    const resumed = await run([...COMPARE, '--out', cut, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/runs: \d+ of 16 already done, resuming/);
    // The folder's own name appears in the reproduce command (scenario.json, report.html).
    for (const f of outputs) expect(readFileSync(join(cut, f), 'utf8').replaceAll(cut, whole), f).toBe(readFileSync(join(whole, f), 'utf8'));
    expect(existsSync(join(cut, 'lintas.lease'))).toBe(false);
  });
});
