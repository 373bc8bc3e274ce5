/**
 * Leases with real processes (issue 31, items 1 and 6):
 * - a shard killed with SIGKILL leaves its lease; run again as another "host" (another hostname
 *   and PID namespace, with `unshare --uts --pid --fork --mount-proc`, as a requeued Slurm task
 *   on another node or a replaced Kubernetes pod whose lintas is PID 1) it is refused while the
 *   lease is live, takes it over once the lease is older than its timeout, resumes, and the merge
 *   is byte-identical to one process;
 * - SIGINT and SIGTERM keep the finished runs, release the lease, and say so in one line.
 * The unshare part needs root (CI runs as root); elsewhere it is skipped, saying why.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from './killed-run.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = tempDirs('lintas-lease-');
const COMPARE = [join(ROOT, 'bin/lintas.js'), 'compare', 'tests/fixtures/compare-small.json', '--replicates', '4', '--scale', '50', '--weeks', '104', '--workers', '1', '--no-report'];
const LEASE_SECONDS = 8;

interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(cmd: string, args: string[], env: Record<string, string> = {}): { child: ChildProcess; ended: Promise<Ended> } {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const ended = new Promise<Ended>((done) => child.on('close', (status, signal) => done({ status, signal, stdout, stderr })));
  return { child, ended };
}
const node = (args: string[], env?: Record<string, string>) => start(process.execPath, args, env);
/** As another host: its own hostname (node-b) and PID namespace, where lintas runs as PID 1. */
const elsewhere = (args: string[], env?: Record<string, string>) =>
  start('unshare', ['--uts', '--pid', '--fork', '--mount-proc', 'sh', '-c', 'hostname node-b && exec "$0" "$@"', process.execPath, ...args], env);

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

/** Waits until `file` holds `n` records, then sends `signal`. */
async function signalAfter(p: { child: ChildProcess; ended: Promise<Ended> }, file: string, n: number, signal: NodeJS.Signals): Promise<Ended> {
  await new Promise<void>((done, fail) => {
    const timer = setInterval(() => {
      if (lines(file) >= n) {
        clearInterval(timer);
        p.child.kill(signal);
        done();
      }
    }, 20);
    p.ended.then(() => {
      clearInterval(timer);
      fail(new Error('the run finished before it could be interrupted'));
    });
  });
  return p.ended;
}

/** Every file under dir but shards/, by relative path, with the folder's own name replaced. */
function tree(dir: string, as: string, root = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'shards') tree(p, as, root, out);
    } else out[relative(root, p)] = readFileSync(p, 'utf8').replaceAll(root, as);
  }
  return out;
}

const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['--uts', '--pid', '--fork', '--mount-proc', 'true']).status === 0;
if (!canUnshare) process.stderr.write('lease.slow.test.ts: skipping the other-host test: it needs root and unshare (another hostname and PID namespace); CI runs it as root\n');

describe('leases across hosts', () => {
  it.skipIf(!canUnshare)('a shard killed with kill -9 resumes on another host once its lease is stale; the merge equals one process', async () => {
    const whole = join(tmp(), 'exp');
    const single = await node([...COMPARE, '--out', whole]).ended;
    expect(single.status, single.stderr).toBe(0);

    const out = join(tmp(), 'exp');
    const shard = (s: string) => [...COMPARE, '--out', out, '--shard', s];
    const env = { LINTAS_LEASE_SECONDS: String(LEASE_SECONDS) };
    const journal = join(out, 'shards', 'shard-1-of-2.jsonl');
    const leaseFile = join(out, 'shards', 'shard-1-of-2.lease');
    const first = node(shard('1/2'), env);
    const killed = await signalAfter(first, journal, 2, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const left = JSON.parse(readFileSync(leaseFile, 'utf8')) as { owner: { host: string; pid: number }; renewedMs: number; seconds: number };
    expect(left.owner).toMatchObject({ host: hostname(), pid: first.child.pid });
    expect(left.seconds).toBe(LEASE_SECONDS);

    // Another host, while the lease is live: refused, in one line naming the holder.
    const early = await elsewhere(shard('1/2'), env).ended;
    expect(early.status, early.stderr).toBe(2);
    expect(early.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`\\(shard 1/2\\) is in use by another lintas \\(process ${first.child.pid} on ${hostname()}, renewed \\d+ s ago\\); wait for it to finish`))]);

    // Once the lease is older than its timeout: taken over, and the shard resumes from its journal.
    await new Promise((r) => setTimeout(r, Math.max(0, left.renewedMs + LEASE_SECONDS * 1000 + 300 - Date.now())));
    const resumed = await elsewhere(shard('1/2'), env).ended;
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/shard 1\/2: 8 of 16 runs done \(([2-7]) were already in its journal\)/);
    expect(existsSync(leaseFile)).toBe(false);

    const second = await node(shard('2/2')).ended;
    expect(second.status, second.stderr).toBe(0);
    const merged = await node([join(ROOT, 'bin/lintas.js'), 'merge', out]).ended;
    expect(merged.status, merged.stderr).toBe(0);
    const want = tree(whole, 'OUT');
    const got = tree(out, 'OUT');
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const f of Object.keys(want)) expect(got[f], f).toBe(want[f]);
  });
});

describe('interrupted', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const)
    it(`${signal}: one line "interrupted: N of M runs kept; rerun with --resume", exit ${code}, the lease released; --resume finishes`, async () => {
      const out = join(tmp(), 'exp');
      const r = await signalAfter(node([...COMPARE, '--out', out]), join(out, 'runs.jsonl'), 2, signal);
      expect(r.status, r.stderr).toBe(code);
      const last = r.stderr.trim().split('\n').at(-1)!;
      const m = /^interrupted: (\d+) of 16 runs kept; rerun with --resume$/.exec(last);
      expect(m, r.stderr).not.toBeNull();
      expect(Number(m![1])).toBe(lines(join(out, 'runs.jsonl')));
      expect(r.stderr).not.toContain('    at ');
      expect(existsSync(join(out, 'lintas.lease'))).toBe(false);
      if (signal === 'SIGTERM') {
        const again = await node([...COMPARE, '--out', out, '--resume']).ended;
        expect(again.status, again.stderr).toBe(0);
        expect(lines(join(out, 'runs.jsonl'))).toBe(16);
      }
    });
});
