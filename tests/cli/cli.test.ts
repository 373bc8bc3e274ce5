/**
 * The `lintas` command, called in-process through main(argv) from the project root: what it
 * writes to stdout and stderr, and the exit code it returns (2 for user mistakes, with plain
 * lines and never a stack trace). Runs are kept short (--scale 50 --weeks 20) and write only to
 * temporary folders. The real binary, spawned, is tested in cli.slow.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../../src/cli.js';
import { lines, lintas, NO_STACK, type Result } from './helpers.js';

const FAST = ['--scale', '50', '--weeks', '20'];

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

  beforeAll(async () => {
    for (const [dir, seed] of [['seed7-a', '7'], ['seed7-b', '7'], ['seed8', '8']] as const) {
      const r = await lintas('run', 'scenarios/baseline.ts', '--seed', seed, ...FAST, '--out', out(dir));
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
    expect(s).toMatchObject({ scenario: 'baseline', seed: 7, scale: 50, start: '2019-01-07', weeks: 20 });
    expect(s.end).toBe('2019-05-20'); // the start of week 19
  });

  it('writes one timeseries row per week under a week,date,... header', () => {
    const rows = lines(read(out('seed7-a'), 'timeseries.csv').toString());
    expect(rows).toHaveLength(20 + 1);
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

  it('prints a readable account and where it wrote, by default', async () => {
    const dir = out('readable');
    const r = await lintas('run', 'scenarios/baseline.ts', '--seed', '7', ...FAST, '--out', dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('lintas run: baseline, seed 7, 1 agent = 50 person(s)');
    expect(r.stdout).toContain(`wrote ${join(dir, 'summary.json')} and ${join(dir, 'timeseries.csv')}`);
    expect(read(dir, 'summary.json').equals(read(out('seed7-a'), 'summary.json'))).toBe(true);
  });

  it('--json prints the summary alone on stdout, matching summary.json', async () => {
    const dir = out('json');
    const r = await lintas('run', 'scenarios/baseline.ts', '--seed', '7', ...FAST, '--out', dir, '--json');
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
  it('prints ok for the baseline and returns 0', async () => {
    expect(await lintas('validate', 'scenarios/baseline.ts')).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
  });

  it('prints ok for a .yaml scenario extending the baseline', async () => {
    expect(await lintas('validate', 'tests/fixtures/extends.yaml')).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
  });

  it('returns 2 with path-pointed lines and no stack trace for a malformed scenario', async () => {
    const r = await lintas('validate', 'tests/fixtures/bad.json');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain(NO_STACK);
    expect(lines(r.stderr)).toEqual(['origins[0].population: expected a number >= 0, got -5', 'routes[3].to: unknown node "Entikongg"']);
  });

  it('returns 2 with one line for a file that is not valid JSON', async () => {
    const r = await lintas('validate', 'tests/fixtures/syntax-error.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain(NO_STACK);
    const got = lines(r.stderr);
    expect(got).toHaveLength(1);
    // The rest of the line is Node's own JSON.parse message, which varies between versions.
    expect(got[0]!.startsWith('tests/fixtures/syntax-error.json: not valid JSON: ')).toBe(true);
  });
});

describe('lintas usage errors', () => {
  /** Exit code 2, nothing on stdout, and exactly this one line on stderr. */
  const oneLine = (r: Result, line: string) => {
    expect(r.stderr).not.toContain(NO_STACK);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  };

  it.each(['validate', 'run'])('%s of a missing scenario file returns 2 with "scenario file not found"', async (cmd) => {
    const r = await lintas(cmd, 'tests/fixtures/no-such-file.json', ...(cmd === 'run' ? ['--out', join(tmp, 'never')] : []));
    oneLine(r, 'scenario file not found: tests/fixtures/no-such-file.json');
  });

  it('an unknown flag returns 2 with one line naming it', async () => {
    oneLine(await lintas('run', 'scenarios/baseline.ts', '--bogus'), "error: unknown option '--bogus'");
  });

  it('an unknown command returns 2 with one line naming it', async () => {
    oneLine(await lintas('bogus'), "error: unknown command 'bogus'");
  });

  it.each([
    ['--seed', 'abc', 'an integer >= 0'],
    ['--seed', '-1', 'an integer >= 0'],
    ['--seed', '1.5', 'an integer >= 0'],
    ['--weeks', '0', 'an integer >= 1'],
    ['--scale', '0.5', 'a number >= 1'],
    ['--scale', 'x', 'a number >= 1'],
  ])('%s %s returns 2 with one line', async (flag, value, expected) => {
    const r = await lintas('run', 'scenarios/baseline.ts', flag, value, '--out', join(tmp, 'never'));
    oneLine(r, `error: option '${flag} <n>' argument '${value}' is invalid. expected ${expected}, got "${value}"`);
  });

  it.each(['run', 'validate'])('%s without a scenario argument returns 2', async (cmd) => {
    oneLine(await lintas(cmd), "error: missing required argument 'scenario'");
  });

  it('run --help returns 0 and lists its options', async () => {
    const r = await lintas('run', '--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Usage: lintas run [options] <scenario>');
    for (const opt of ['--seed <n>', '--weeks <n>', '--scale <n>', '--out <dir>', '--json', 'scenario']) expect(r.stdout).toContain(opt);
  });

  it('validate --help returns 0 and describes its usage', async () => {
    const r = await lintas('validate', '--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Usage: lintas validate [options] <scenario>');
    expect(r.stdout).toContain('--help');
  });
});
