/**
 * The real `lintas` command, spawned as a child process from the project root. Runs are kept
 * short (--scale 50 --weeks 26) and write only to temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/lintas.js');
const FAST = ['--scale', '50', '--weeks', '26'];

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lintas(...args: string[]): Result {
  const { LINTAS_BIN: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Lines of output, without the trailing empty one. */
const lines = (s: string) => s.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);

const NO_STACK = '    at ';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'lintas-cli-test-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('lintas run', () => {
  const out = (name: string) => join(tmp, name);
  const read = (dir: string, file: string) => readFileSync(join(dir, file));

  beforeAll(() => {
    for (const [dir, seed] of [['seed7-a', '7'], ['seed7-b', '7'], ['seed8', '8']] as const) {
      const r = lintas('run', 'scenarios/baseline.ts', '--seed', seed, ...FAST, '--out', out(dir));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('writes byte-identical outputs for the same seed', () => {
    for (const file of ['summary.json', 'timeseries.csv']) {
      const a = read(out('seed7-a'), file);
      const b = read(out('seed7-b'), file);
      expect(a.length).toBeGreaterThan(0);
      expect(a.equals(b), file).toBe(true);
    }
  });

  it('writes different outputs for a different seed', () => {
    for (const file of ['summary.json', 'timeseries.csv']) {
      expect(read(out('seed7-a'), file).equals(read(out('seed8'), file)), file).toBe(false);
    }
    const s7 = JSON.parse(read(out('seed7-a'), 'summary.json').toString()) as { seed: number; totals: Record<string, number> };
    const s8 = JSON.parse(read(out('seed8'), 'summary.json').toString()) as { seed: number; totals: Record<string, number> };
    expect(s7.seed).toBe(7);
    expect(s8.seed).toBe(8);
    expect(s7.totals).not.toEqual(s8.totals);
  });

  it('records the run settings in summary.json', () => {
    const s = JSON.parse(read(out('seed7-a'), 'summary.json').toString()) as Record<string, unknown>;
    expect(s).toMatchObject({ scenario: 'baseline', seed: 7, scale: 50, start: '2019-01-07', weeks: 26 });
    expect(s.end).toBe('2019-07-01'); // the start of week 25
  });

  it('writes one timeseries row per week under a week,date,... header', () => {
    const rows = lines(read(out('seed7-a'), 'timeseries.csv').toString());
    expect(rows).toHaveLength(26 + 1);
    const header = rows[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['week', 'date', 'departures']);
    const width = header.length;
    rows.slice(1).forEach((row, t) => {
      const cells = row.split(',');
      expect(cells).toHaveLength(width);
      expect(cells[0]).toBe(String(t));
      const date = new Date(Date.UTC(2019, 0, 7 + 7 * t)).toISOString().slice(0, 10);
      expect(cells[1]).toBe(date);
      for (const c of cells.slice(2)) expect(Number.isFinite(Number(c)), `${c} in row ${t}`).toBe(true);
    });
  });

  it('timeseries flows add up to the summary totals', () => {
    const rows = lines(read(out('seed7-a'), 'timeseries.csv').toString()).map((r) => r.split(','));
    const header = rows[0]!;
    const summary = JSON.parse(read(out('seed7-a'), 'summary.json').toString()) as { totals: Record<string, number> };
    for (const metric of ['departures', 'trafficked', 'deportations']) {
      const col = header.indexOf(metric);
      expect(col, metric).toBeGreaterThan(1);
      const sum = rows.slice(1).reduce((a, r) => a + Number(r[col]), 0);
      expect(sum, metric).toBeCloseTo(summary.totals[metric]!, 6);
    }
  });

  it('prints a readable account and where it wrote, by default', () => {
    const dir = out('readable');
    const r = lintas('run', 'scenarios/baseline.ts', '--seed', '7', ...FAST, '--out', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lintas run: baseline, seed 7, 1 agent = 50 person(s)');
    expect(r.stdout).toContain(join(dir, 'summary.json'));
    expect(read(dir, 'summary.json').equals(read(out('seed7-a'), 'summary.json'))).toBe(true);
  });

  it('--json prints the summary alone on stdout, matching summary.json', () => {
    const dir = out('json');
    const r = lintas('run', 'scenarios/baseline.ts', '--seed', '7', ...FAST, '--out', dir, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout) as { totals: Record<string, number> };
    const written = JSON.parse(read(dir, 'summary.json').toString()) as { totals: Record<string, number> };
    expect(Object.keys(printed.totals).length).toBeGreaterThan(10);
    expect(printed.totals).toEqual(written.totals);
    expect(printed).toEqual(written);
  });
});

describe('lintas validate', () => {
  it('prints ok for the baseline and exits 0', () => {
    const r = lintas('validate', 'scenarios/baseline.ts');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok\n');
    expect(r.stderr).toBe('');
  });

  it('prints ok for a .yaml scenario extending the baseline', () => {
    const r = lintas('validate', 'tests/fixtures/extends.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok\n');
  });

  it('exits 2 with path-pointed lines and no stack trace for a malformed scenario', () => {
    const r = lintas('validate', 'tests/fixtures/bad.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain(NO_STACK);
    const got = lines(r.stderr);
    expect(got).toContain('routes[3].to: unknown node "Entikongg"');
    expect(got).toContain('origins[0].population: expected a number >= 0, got -5');
    for (const line of got) expect(line).toMatch(/^[A-Za-z_]\w*(\[\d+\]|\.\w+)*: \S/);
  });

  it('exits 2 with one line for a file that is not valid JSON', () => {
    const r = lintas('validate', 'tests/fixtures/syntax-error.json');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(NO_STACK);
    const got = lines(r.stderr);
    expect(got).toHaveLength(1);
    expect(got[0]!.startsWith('tests/fixtures/syntax-error.json: not valid JSON')).toBe(true);
  });
});

describe('lintas usage errors', () => {
  it('a missing scenario file exits 2 with "scenario file not found"', () => {
    for (const cmd of ['validate', 'run']) {
      const r = lintas(cmd, 'tests/fixtures/no-such-file.json', ...(cmd === 'run' ? ['--out', join(tmp, 'never')] : []));
      expect(r.code, cmd).toBe(2);
      expect(r.stderr, cmd).toBe('scenario file not found: tests/fixtures/no-such-file.json\n');
      expect(r.stdout, cmd).toBe('');
    }
  });

  it('an unknown flag exits 2 with one line naming it and no stack trace', () => {
    const r = lintas('run', 'scenarios/baseline.ts', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(NO_STACK);
    const got = lines(r.stderr);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('--bogus');
  });

  it.each([
    ['--seed', 'abc'],
    ['--seed', '-1'],
    ['--seed', '1.5'],
    ['--weeks', '0'],
    ['--scale', '0.5'],
    ['--scale', 'x'],
  ])('%s %s exits 2 with one line and no stack trace', (flag, value) => {
    const r = lintas('run', 'scenarios/baseline.ts', flag, value, '--out', join(tmp, 'never'));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(NO_STACK);
    const got = lines(r.stderr);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(flag);
    expect(got[0]).toContain(value);
  });

  it('a missing scenario argument exits 2', () => {
    const r = lintas('run');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scenario');
    expect(r.stderr).not.toContain(NO_STACK);
  });

  it('run --help exits 0 and lists its options', () => {
    const r = lintas('run', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: lintas run');
    for (const opt of ['--seed <n>', '--weeks <n>', '--scale <n>', '--out <dir>', '--json', '<scenario>']) expect(r.stdout).toContain(opt);
  });

  it('validate --help exits 0 and describes its usage', () => {
    const r = lintas('validate', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: lintas validate');
    expect(r.stdout).toContain('<scenario>');
    expect(r.stdout).toContain('--help');
  });
});
