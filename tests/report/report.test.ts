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
    expect(html).toContain('<b title="patrols">patrols</b>');
    expect(html).toContain('only patrol detection changes');
    expect(html).toContain('patrolKappa');
    expect(html).toContain('plausibly takes');
    expect(html).toContain('What the change of cooperation stage is made of');
    expect(html).toContain('lintas compare tests/fixtures/compare-small.json --replicates 2 --seed 1 --scale 50 --weeks 40');
    expect(html).not.toMatch(/<script[^>]+src=/);
    for (const f of ['comparison-trafficked', 'border-map', 'flows-by-channel', 'dark-figure', 'flows-by-crossing'])
      expect(existsSync(join(dir, 'charts', `${f}.png`)) && existsSync(join(dir, 'charts', `${f}.svg`))).toBe(true);
  });

  it('opens with "How sure is this?": counts of data and assumptions, what the intervals cover, and a warning at 2 replicates', () => {
    const box = html.slice(html.indexOf('<section class="how-sure"'), html.indexOf('</section>'));
    expect(html.indexOf('How sure is this?')).toBeLessThan(html.indexOf('What the comparison shows'));
    expect(box).toMatch(/Of the \d+ coefficients the model reads, <b>\d+<\/b> come from published figures, <b>\d+<\/b> were tuned .* and <b>\d+<\/b> are assumptions/);
    expect(box).toContain('What the intervals cover: chance only.');
    expect(box).toContain('Too few replicates for the intervals to mean much:</b> this comparison has 2.');
    expect(box).toContain('Costs are illustrative.');
  });

  it('words findings with their uncertainty and names variants plainly: the baseline as the baseline, ids only in tooltips', () => {
    expect(html).not.toContain('Clearly fewer');
    expect(html).toMatch(/The baseline: the border as it is, at the coexistence stage/);
    expect(html).toContain('<b title="ngo">NGO cooperation</b>');
    expect(html).toContain('<td>the baseline: nothing added</td>');
    expect(html).not.toContain('Each variant is the baseline with one change');
    expect(html).not.toMatch(/Rp \d{1,3}(,\d{3}){2,}/); // no eight-digit costs
  });
});
