/**
 * On a real single-node Slurm (Debian's slurm-wlm and munge, started by scripts/slurm-local.sh):
 * - `lintas slurm compare … --shards 4 --submit --wait` runs a 4-task job array and merges it, and
 *   the result equals a local single run of the same experiment, byte for byte;
 * - faults (issue 31, item 2): one array task cancelled mid-run with `scancel` keeps its runs and
 *   releases its lease; `merge` names it with the command that reruns it (after a second
 *   cancellation: "after 2 attempts"); requeued with `scontrol requeue`, it resumes, and the merge
 *   equals a local run byte for byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintas } from '../cli/helpers.js';

const SCRIPT = 'scripts/slurm-local.sh';
let startedHere = false;
const dir = mkdtempSync(join(tmpdir(), 'lintas-slurm-'));

beforeAll(() => {
  const running = spawnSync('bash', [SCRIPT, 'status']).status === 0;
  if (!running) {
    const r = spawnSync('bash', [SCRIPT, 'start'], { encoding: 'utf8' });
    expect(r.status, `${SCRIPT} start failed:\n${r.stdout}${r.stderr}`).toBe(0);
    startedHere = true;
  }
}, 300_000);

afterAll(() => {
  if (startedHere) spawnSync('bash', [SCRIPT, 'stop']);
  rmSync(dir, { recursive: true, force: true });
});

function tree(root: string, at = root, out: Record<string, string> = {}): Record<string, string> {
  for (const f of readdirSync(at)) {
    const p = join(at, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'shards' && f !== 'slurm') tree(root, p, out);
    } else out[relative(root, p)] = readFileSync(p).toString('base64');
  }
  return out;
}

const run = (args: string[]) =>
  new Promise<{ code: number; out: string }>((done) => {
    const child = spawn(process.execPath, ['bin/lintas.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code: code ?? 1, out }));
  });

describe('lintas slurm on a real Slurm', () => {
  it('a 4-task array, merged, equals a local single run byte for byte', async () => {
    const out = join(dir, 'exp');
    const args = ['compare', 'tests/fixtures/compare-small.json', '--replicates', '3', '--scale', '200', '--weeks', '30', '--out', out];
    const local = await lintas(...args, '--workers', '1');
    expect(local.code, local.stderr).toBe(0);
    cpSync(out, join(dir, 'local'), { recursive: true });
    rmSync(out, { recursive: true });

    const r = await run(['slurm', ...args, '--shards', '4', '--cpus-per-task', '1', '--time', '00:10:00', '--submit', '--wait']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^wrote .*lintas\.sbatch \(4 array tasks, 1 CPUs each\)$/m);
    expect(r.out).toMatch(/^job \d+ ended; merging$/m);
    expect(readdirSync(join(out, 'shards')).filter((f) => f.endsWith('.jsonl')).sort()).toEqual([1, 2, 3, 4].map((i) => `shard-${i}-of-4.jsonl`));
    // Each array task ran its own shard (its log says which).
    for (let t = 1; t <= 4; t++) expect(readFileSync(join(out, 'slurm', `shard-${t}-of-4.log`), 'utf8')).toContain(`shard ${t}/4: 3 of 12 runs done`);
    const want = tree(join(dir, 'local'));
    const got = tree(out);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const f of Object.keys(want)) expect(got[f], f).toBe(want[f]);
  }, 600_000);

  it('scancel of one task mid-run, twice: merge names it with its rerun command; scontrol requeue resumes it; merged equals a local run', async () => {
    const out = join(dir, 'faults');
    // Enough runs per shard (6, 5 and 5) that a task is still running when its first records land.
    const args = ['compare', 'tests/fixtures/compare-small.json', '--replicates', '4', '--scale', '50', '--weeks', '104', '--out', out];
    const local = await lintas(...args, '--workers', '1', '--no-report');
    expect(local.code, local.stderr).toBe(0);
    cpSync(out, join(dir, 'faults-local'), { recursive: true });
    rmSync(out, { recursive: true });

    const sub = await run(['slurm', ...args, '--no-report', '--shards', '3', '--cpus-per-task', '1', '--time', '00:10:00', '--submit']);
    expect(sub.code, sub.out).toBe(0);
    const job = /^submitted job (\d+);/m.exec(sub.out)?.[1];
    expect(job, sub.out).toBeDefined();
    const task = `${job}_2`;
    const journal = join(out, 'shards', 'shard-2-of-3.jsonl');
    const log = join(out, 'slurm', 'shard-2-of-3.log');
    // The shards' command as the array task ran it (with its CPUs as --workers).
    const rerun = `lintas ${args.join(' ')} --no-report --workers 1 --shard 2/3`;

    // Attempt 1: cancelled once its first record is in.
    await until(() => records(journal) >= 1, 120_000, `the first record of ${task}`);
    expect(spawnSync('scancel', [task]).status).toBe(0);
    await until(() => !queued(job!), 120_000, `job ${job} to end`);
    expect(readFileSync(log, 'utf8')).toMatch(/^interrupted: \d+ of 5 runs kept; rerun with --resume$/m);
    expect(existsSync(join(out, 'shards', 'shard-2-of-3.lease'))).toBe(false);
    const kept1 = records(journal);
    expect(kept1).toBeLessThan(5);
    const m1 = await lintas('merge', out);
    expect(m1.code, m1.stderr).toBe(2);
    expect(m1.stderr.split('\n')).toContain(`  shard 2/3 did not finish (${kept1} of 5 runs kept; log ${log}); rerun it (it resumes): ${rerun}`);

    // Attempt 2: requeued, cancelled again once it has added a record.
    requeue(task);
    await until(() => records(journal) > kept1, 180_000, `a new record of ${task} after its requeue`);
    expect(spawnSync('scancel', [task]).status).toBe(0);
    await until(() => !queued(job!), 120_000, `job ${job} to end again`);
    const kept2 = records(journal);
    const m2 = await lintas('merge', out);
    expect(m2.code).toBe(2);
    if (kept2 < 5) expect(m2.stderr.split('\n')).toContain(`  shard 2/3 did not finish after 2 attempts (${kept2} of 5 runs kept; log ${log}); rerun it (it resumes): ${rerun}`);

    // Attempt 3: requeued to the end; it resumes from its journal, and the merge equals the local run.
    requeue(task);
    await until(() => !queued(job!), 180_000, `job ${job} to end after its second requeue`);
    expect(readFileSync(log, 'utf8')).toContain(`shard 2/3: 5 of 16 runs done (${kept2} were already in its journal)`);
    const merged = await run(['merge', out]);
    expect(merged.code, merged.out).toBe(0);
    const want = tree(join(dir, 'faults-local'));
    const got = tree(out);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const f of Object.keys(want)) expect(got[f], f).toBe(want[f]);
  }, 600_000);
});

/** Requeues a task, and lets it start now: Slurm defers a requeued job by two minutes (its BeginTime). */
function requeue(task: string): void {
  const r = spawnSync('scontrol', ['requeue', task], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const u = spawnSync('scontrol', ['update', `jobid=${task}`, 'StartTime=now'], { encoding: 'utf8' });
  expect(u.status, u.stderr).toBe(0);
}

/** Records in a journal so far. */
const records = (journal: string) => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter((l) => l.endsWith('}')).length : 0);

/** Whether any task of the job is still pending or running. */
const queued = (job: string) => spawnSync('squeue', ['-h', '-j', job], { encoding: 'utf8' }).stdout.trim() !== '';

async function until(ok: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
