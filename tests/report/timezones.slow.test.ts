/**
 * The same bytes everywhere (issue 31, item 4): a comparison and its report — report.html, every
 * chart as SVG and PNG — do not depend on the time zone (TZ=UTC, Pacific/Kiritimati, UTC+14, and
 * America/Los_Angeles, UTC−8/−7), the locale (LANG/LC_ALL=C or id_ID.UTF-8), nor the folder lintas
 * runs from. Each run is a process of its own (bin/lintas.js), with its environment, writing to
 * the same folder (the command recorded in the report names it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'lintas-tz-'));
const elsewhere = join(work, 'elsewhere');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Hashes of every file under a folder, by relative path. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

interface Where {
  label: string;
  env: Record<string, string>;
  cwd: string;
}

const PLACES: Where[] = [
  { label: 'UTC, C, the repository', env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }, cwd: ROOT },
  { label: 'Pacific/Kiritimati, id_ID.UTF-8, another folder', env: { TZ: 'Pacific/Kiritimati', LANG: 'id_ID.UTF-8', LC_ALL: 'id_ID.UTF-8' }, cwd: elsewhere },
  { label: 'America/Los_Angeles, id_ID.UTF-8, the repository', env: { TZ: 'America/Los_Angeles', LANG: 'id_ID.UTF-8', LC_ALL: 'id_ID.UTF-8' }, cwd: ROOT },
  { label: 'America/Los_Angeles, C, another folder', env: { TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' }, cwd: elsewhere },
];

function lintas(where: Where, args: string[]): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'lintas.js'), ...args], { cwd: where.cwd, encoding: 'utf8', env: { ...process.env, ...where.env } });
  if (r.status !== 0) throw new Error(`${where.label}: lintas ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
}

const SCENARIO = join(ROOT, 'tests/fixtures/compare-small.json');
const runs = join(work, 'runs');
const compareArgs = (out: string) => ['compare', SCENARIO, '--replicates', '2', '--scale', '50', '--weeks', '60', '--workers', '1', '--no-report', '--out', out];

beforeAll(() => {
  mkdirSync(elsewhere);
  lintas(PLACES[0]!, compareArgs(runs));
});

describe('the same bytes in any time zone, locale and working folder', () => {
  it('compare writes the same files (UTC, C) and (Pacific/Kiritimati, id_ID.UTF-8, another folder)', () => {
    const first = filesOf(runs);
    // The same output folder, so the recorded command is the same.
    rmSync(runs, { recursive: true });
    lintas(PLACES[1]!, compareArgs(runs));
    expect(filesOf(runs)).toEqual(first);
  });

  it('lintas report writes the same report.html, SVG and PNG charts under three time zones and two locales', () => {
    const report = join(work, 'report');
    const seen: Record<string, string>[] = [];
    for (const where of PLACES) {
      rmSync(report, { recursive: true, force: true });
      cpSync(runs, report, { recursive: true });
      lintas(where, ['report', report]);
      seen.push(filesOf(report));
    }
    const charts = Object.keys(seen[0]!).filter((f) => f.startsWith('charts/'));
    // The time charts, where a local time scale moved the year ticks by a pixel.
    for (const f of ['charts/dark-figure.svg', 'charts/dark-figure.png', 'charts/flows-by-channel.svg', 'charts/flows-by-channel.png', 'report.html']) expect(seen[0]).toHaveProperty([f]);
    expect(charts.filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(4);
    PLACES.forEach((where, i) => expect(seen[i], where.label).toEqual(seen[0]));
  });
});
