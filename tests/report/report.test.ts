/** The self-contained report: its contents and chart files (rendering in Chromium: report.slow.test.ts). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { buildReport } from '../../src/report/report.js';

let dir: string;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-report-'));
  await compare({ file: 'tests/fixtures/compare-small.json', replicates: 2, scale: 50, weeks: 40, workers: 1, outDir: dir, resume: false });
  html = (await buildReport(dir)).html;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report.html', () => {
  it('holds the comparison table, the parameters with their sources and the command that reproduces the run', () => {
    expect(html).toContain('<b>patrols</b>');
    expect(html).toContain('only patrol detection changes');
    expect(html).toContain('patrolKappa');
    expect(html).toContain('plausibly takes');
    expect(html).toContain('What the change of cooperation stage is made of');
    expect(html).toContain('lintas compare tests/fixtures/compare-small.json --replicates 2 --seed 1 --scale 50 --weeks 40');
    expect(html).not.toMatch(/<script[^>]+src=/);
    for (const f of ['comparison-trafficked', 'border-map', 'flows-by-channel', 'dark-figure', 'flows-by-crossing'])
      expect(existsSync(join(dir, 'charts', `${f}.png`)) && existsSync(join(dir, 'charts', `${f}.svg`))).toBe(true);
  });
});
