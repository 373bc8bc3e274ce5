/**
 * Shards merged equal a single run byte for byte (compare, sweep, sensitivity); merge refuses what
 * it cannot vouch for and names the command that fixes it; a resume cannot lie: tampered journals,
 * a second writer and a hung run are refused with one line, and a resume may add replicates.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { takeLease } from '../../src/experiment/lease.js';
import { lintas, NO_STACK } from '../cli/helpers.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-shards-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every file under dir (but shards/), by relative path. */
function tree(dir: string, root = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'shards') tree(p, root, out);
    } else out[relative(root, p)] = readFileSync(p).toString('base64');
  }
  return out;
}

const FIXTURE = 'tests/fixtures/compare-small.json';
const COMPARE = ['compare', FIXTURE, '--replicates', '3', '--scale', '200', '--weeks', '30', '--workers', '1'];
const SWEEP = ['sweep', FIXTURE, '--param', 'params.patrolKappa=0.004,0.012,0.02', '--replicates', '2', '--scale', '200', '--weeks', '30', '--workers', '1', '--parquet'];
const SENS = ['sensitivity', FIXTURE, '--param', 'params.h0=0.00005..0.0002', '--param', 'params.patrolTechnology=1..2', '--trajectories', '3', '--scale', '200', '--weeks', '30', '--workers', '1', '--variant', 'patrols', '--against', 'baseline', '--parquet'];

/** A single run into dir, kept; then the same in n shards (run in reverse order) and merged into dir. */
async function shardedEqualsSingle(args: string[], n: number) {
  const out = join(tmp(), 'exp');
  const single = await lintas(...args, '--out', out);
  expect(single.code, single.stderr).toBe(0);
  const want = tree(out);
  rmSync(out, { recursive: true });
  for (let i = n; i >= 1; i--) {
    const r = await lintas(...args, '--out', out, '--shard', `${i}/${n}`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`shard ${i}/${n}: `);
  }
  expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  const merged = await lintas('merge', out);
  expect(merged.code, merged.stderr).toBe(0);
  const got = tree(out);
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const f of Object.keys(want)) expect(got[f], f).toBe(want[f]);
  return out;
}

describe('shards and merge', () => {
  it('compare: 3 shards merged are byte-identical to one run (tables, journal, report, charts)', async () => {
    await shardedEqualsSingle(COMPARE, 3);
  });

  it('sweep: 2 shards merged are byte-identical to one run (CSV, JSON, Parquet)', async () => {
    await shardedEqualsSingle(SWEEP, 2);
  });

  it('sensitivity: 4 shards merged are byte-identical to one run (indices, design, report)', async () => {
    await shardedEqualsSingle(SENS, 4);
  });

  it('merge names a missing shard and an unfinished one with the command that reruns each; the rerun resumes', async () => {
    const out = join(tmp(), 'exp');
    for (const i of [1, 3]) expect((await lintas(...COMPARE, '--out', out, '--shard', `${i}/3`)).code).toBe(0);
    // Shard 3 "killed" twice: its last run lost and its manifest not finished.
    const journal = join(out, 'shards', 'shard-3-of-3.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n').filter(Boolean);
    writeFileSync(journal, `${lines.slice(0, -1).join('\n')}\n${lines.at(-1)!.slice(0, 25)}`);
    const meta = JSON.parse(readFileSync(join(out, 'shards', 'shard-3-of-3.json'), 'utf8'));
    writeFileSync(join(out, 'shards', 'shard-3-of-3.json'), JSON.stringify({ ...meta, done: lines.length - 1, finished: false, attempts: 2 }));
    const r = await lintas('merge', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        `${out}: cannot merge yet:`,
        `  shard 2/3 is missing; run: lintas ${COMPARE.join(' ')} --out ${out} --shard 2/3`,
        `  shard 3/3 did not finish after 2 attempts (${lines.length - 1} of ${lines.length} runs kept); rerun it (it resumes): lintas ${COMPARE.join(' ')} --out ${out} --shard 3/3`,
        '',
      ].join('\n'),
    );
    const again = await lintas(...COMPARE, '--out', out, '--shard', '3/3');
    expect(again.stdout).toContain(`(${lines.length - 1} were already in its journal)`);
    expect((await lintas(...COMPARE, '--out', out, '--shard', '2/3')).code).toBe(0);
    expect((await lintas('merge', out)).code).toBe(0);
  });

  it('merge refuses shards of different experiments in one folder', async () => {
    const out = join(tmp(), 'exp');
    expect((await lintas(...COMPARE, '--out', out, '--shard', '1/2')).code).toBe(0);
    expect((await lintas(...COMPARE, '--seed', '9', '--out', out, '--shard', '2/2')).code).toBe(0);
    const r = await lintas('merge', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shards of 2 different experiments; merge only one/);
    expect(r.stderr).not.toContain(NO_STACK);
    // The same shard of another experiment is refused when it starts.
    const clash = await lintas(...COMPARE, '--seed', '9', '--out', out, '--shard', '1/2');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/shard 1\/2: .* holds shards of a different experiment/);
  });
});

describe('a resume that cannot lie', () => {
  it('adds replicates: a 2-replicate compare resumed with 3 equals a fresh 3-replicate one', async () => {
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    const two = COMPARE.map((x) => (x === '3' ? '2' : x));
    expect((await lintas(...two, '--out', a)).code).toBe(0);
    const more = await lintas(...COMPARE, '--out', a, '--resume');
    expect(more.code, more.stderr).toBe(0);
    expect((await lintas(...COMPARE, '--out', b)).code).toBe(0);
    for (const f of ['comparison.csv', 'comparison.json', 'runs.jsonl', 'weekly.csv']) expect(readFileSync(join(a, f), 'utf8'), f).toBe(readFileSync(join(b, f), 'utf8'));
  });

  it('refuses a tampered journal, another seed into the same folder, and a second writer', async () => {
    const out = join(tmp(), 'exp');
    expect((await lintas(...COMPARE, '--out', out)).code).toBe(0);
    const journal = join(out, 'runs.jsonl');
    const text = readFileSync(journal, 'utf8');
    writeFileSync(journal, text.replace(/"trafficked":(\d)/, '"trafficked":9$1'));
    const tampered = await lintas(...COMPARE, '--out', out, '--resume');
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toBe(`${journal} line 1: checksum does not match; the journal was altered — remove that line, or start again without --resume\n`);
    writeFileSync(journal, text);
    const other = await lintas(...COMPARE, '--seed', '7', '--out', out, '--resume');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds a different experiment|has seed 1, replicate 0; this experiment runs it with seed 7/);
    const lease = takeLease(join(out, 'lintas.lease'), out);
    try {
      const second = await lintas(...COMPARE, '--out', out);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`^${out} is in use by another lintas \\(process ${process.pid} on [^,]+, renewed \\d+ s ago\\); wait for it to finish`));
      expect(second.stderr.split('\n')).toHaveLength(2);
    } finally {
      lease.release();
    }
  });

  it('a run longer than --task-timeout fails with one line, keeping what finished', async () => {
    const out = join(tmp(), 'exp');
    const r = await lintas('compare', 'scenarios/baseline.ts', '--replicates', '2', '--scale', '5', '--workers', '1', '--task-timeout', '1', '--out', out, '--no-report');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^run v0:r0 \(seed \d+\) took longer than 1 s \(--task-timeout\); the runs finished so far are kept: rerun with --resume\n$/);
  });
});
