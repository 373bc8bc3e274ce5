/** `--lang en|id|ms` on run, compare and report: the printed summary and report.html in the language; a bad code is one line and exit 2. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../../src/cli.js';
import { lines, lintas, NO_STACK } from './helpers.js';

const FAST = ['--scale', '50', '--weeks', '20'];
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'lintas-lang-test-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--lang', () => {
  it('prints the run summary in Bahasa Indonesia, numbers and dates the Indonesian way', async () => {
    const r = await lintas('run', 'scenarios/baseline.ts', ...FAST, '--lang', 'id', '--out', join(tmp, 'run-id'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('7 Januari 2019');
    expect(r.stdout).toMatch(/keberangkatan\s+\d{1,3}(\.\d{3})+/);
    expect(r.stdout).toContain('korban teridentifikasi');
    expect(r.stdout).toContain('menulis ');
    // The files are data: the same bytes in every language.
    const en = await lintas('run', 'scenarios/baseline.ts', ...FAST, '--out', join(tmp, 'run-en'));
    expect(en.stdout).toContain('identified victims');
    expect(readFileSync(join(tmp, 'run-id', 'summary.json'))).toEqual(readFileSync(join(tmp, 'run-en', 'summary.json')));
  });

  it('prints the comparison table in Malay and writes report.html in Malay; report rewrites it in Indonesian', async () => {
    const dir = join(tmp, 'cmp');
    const r = await lintas('compare', 'tests/fixtures/compare-small.json', '--replicates', '2', ...FAST, '--workers', '1', '--lang', 'ms', '--out', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mangsa yang dikenal pasti');
    expect(r.stdout).toContain('ke mana aliran berpindah');
    // Progress on stderr (not a terminal here: a line per tenth of the runs) is in Malay too.
    expect(r.stderr).toMatch(/^larian \d+\/\d+ \(\d+%\), \S+ berlalu/m);
    expect(r.stderr).not.toContain('elapsed');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<html lang="ms">');
    const rep = await lintas('report', dir, '--lang', 'id');
    expect(rep.code).toBe(0);
    expect(rep.stdout).toMatch(/^menulis .*report\.html dan 6 grafik/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<h2>Apa yang ditunjukkan perbandingan ini</h2>');
  }, 120_000);

  it('refuses an unknown language in one line, exit 2', async () => {
    for (const args of [['run', 'scenarios/baseline.ts', '--lang', 'fr'], ['report', tmp, '--lang', 'EN'], ['compare', 'tests/fixtures/compare-small.json', '--lang', '']]) {
      const r = await lintas(...args);
      expect(r.code).toBe(EXIT_USAGE);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain('expected en, id, ms');
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  });
});
