/**
 * On a real single-node Slurm (Debian's slurm-wlm and munge, started by scripts/slurm-local.sh):
 * `lintas slurm compare … --shards 4 --submit --wait` runs a 4-task job array and merges it, and the
 * result equals a local single run of the same experiment, byte for byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
    for (let t = 0; t < 4; t++) expect(readFileSync(join(out, 'slurm', `shard-${t}.log`), 'utf8')).toContain(`shard ${t + 1}/4: 3 of 12 runs done`);
    const want = tree(join(dir, 'local'));
    const got = tree(out);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const f of Object.keys(want)) expect(got[f], f).toBe(want[f]);
  }, 600_000);
});
