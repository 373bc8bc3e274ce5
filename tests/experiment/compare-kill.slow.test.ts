/**
 * A compare killed with SIGKILL part-way keeps its finished runs (and a stale lock, which the next
 * run takes over); resumed, it ends with files byte-identical to an uninterrupted run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-compare-kill-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const COMPARE = ['bin/lintas.js', 'compare', 'tests/fixtures/compare-small.json', '--replicates', '4', '--scale', '50', '--weeks', '104', '--workers', '1'];
// Runs the command without blocking the test runner (a long spawnSync starves vitest's reporter).
const run = (args: string[]) =>
  new Promise<{ status: number; stderr: string }>((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ status: code ?? 1, stderr }));
  });
const outputs = ['comparison.csv', 'comparison.json', 'weekly.csv', 'scenario.json', 'runs.jsonl', 'manifest.json', 'report.html'];

describe('lintas compare, killed', () => {
  it('resumes after kill -9 to files identical to an uninterrupted run', async () => {
    const whole = tmp();
    const r = await run([...COMPARE, '--out', whole]);
    expect(r.status, r.stderr).toBe(0);

    const cut = tmp();
    const child = spawn(process.execPath, [...COMPARE, '--out', cut], { stdio: 'ignore' });
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
        reject(new Error('the compare finished before it could be interrupted'));
      });
    });
    await new Promise((done) => child.on('close', done));
    expect(lines()).toBeGreaterThanOrEqual(3);
    expect(lines()).toBeLessThan(16);
    expect(existsSync(join(cut, 'lintas.lock'))).toBe(true);
    expect(existsSync(join(cut, 'comparison.csv'))).toBe(false);

    const resumed = await run([...COMPARE, '--out', cut, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/runs: \d+ of 16 already done, resuming/);
    // The folder's own name appears in the reproduce command (scenario.json, report.html).
    for (const f of outputs) expect(readFileSync(join(cut, f), 'utf8').replaceAll(cut, whole), f).toBe(readFileSync(join(whole, f), 'utf8'));
    expect(existsSync(join(cut, 'lintas.lock'))).toBe(false);
  });
});
