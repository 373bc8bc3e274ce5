/**
 * lintas decide runs through the executor like compare: the same bytes with one worker or two,
 * and from shards merged as from one process (tables, decide.json, decide.html and its charts,
 * the journal); a resume adds draws without rerunning the others.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintas } from '../../cli/helpers.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lintas-decide-slow-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const MENU = ['decide', 'tests/fixtures/decide-small.json', '--measures', 'jointPatrols,ngoCooperation,documentAlignment', '--budget', '20e9', '--posterior', 'scenarios/posterior-baseline.csv', '--params', 'tests/fixtures/decide-priors.yaml', '--draws', '3', '--scale', '200', '--weeks', '52', '--goal', '0.15'];

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

function expectSameTree(got: Record<string, string>, want: Record<string, string>) {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const f of Object.keys(want)) expect(got[f], f).toBe(want[f]);
}

describe('lintas decide through the executor', () => {
  let single: Record<string, string>;

  it('writes the same bytes with one worker and with two', async () => {
    const one = join(tmp(), 'one');
    const two = join(tmp(), 'two');
    const a = await lintas(...MENU, '--workers', '1', '--out', one);
    expect(a.code, a.stderr).toBe(0);
    const b = await lintas(...MENU, '--workers', '2', '--out', two);
    expect(b.code, b.stderr).toBe(0);
    single = tree(one);
    expect(Object.keys(single)).toContain('decide.html');
    expect(Object.keys(single)).toContain('charts/decide-front.svg');
    expectSameTree(tree(two), single);
  });

  it('shards merged are byte-identical to one process', async () => {
    const out = join(tmp(), 'sharded');
    for (const i of [2, 1]) {
      const r = await lintas(...MENU, '--workers', '1', '--out', out, '--shard', `${i}/2`);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`shard ${i}/2: `);
    }
    expect(existsSync(join(out, 'decide.json'))).toBe(false);
    const merged = await lintas('merge', out);
    expect(merged.code, merged.stderr).toBe(0);
    expectSameTree(tree(out), single);
  });

  it('a resume with more draws keeps the draws already run and runs only the new ones', async () => {
    const out = join(tmp(), 'resume');
    expect((await lintas(...MENU, '--workers', '1', '--no-report', '--out', out)).code).toBe(0);
    const before = readFileSync(join(out, 'outcomes.csv'), 'utf8').split('\n');
    const args = MENU.map((a, i) => (MENU[i - 1] === '--draws' ? '4' : a));
    const r = await lintas(...args, '--workers', '1', '--no-report', '--out', out, '--resume');
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(join(out, 'outcomes.csv'), 'utf8').split('\n');
    // Draws 0–2 of each portfolio keep their trafficked count; draw 3 is new.
    const trafficked = (lines: string[]) => new Map(lines.slice(1).filter(Boolean).map((l) => [l.split(',').slice(0, 2).join(','), l.split(',')[3]]));
    const b = trafficked(before), c = trafficked(after);
    for (const [k, v] of b) expect(c.get(k), k).toBe(v);
    expect(c.size).toBe(b.size + 4);
  });
});
