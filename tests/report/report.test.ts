/** The self-contained report: contents, and every chart rendering in Chromium with no errors, offline. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { buildReport } from '../../src/report/report.js';

const CHROMIUM = '/usr/bin/chromium';
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
    expect(html).toContain('MODEL.md suggested multiplier');
    expect(html).toContain('lintas compare tests/fixtures/compare-small.json --replicates 2 --seed 1 --scale 50 --weeks 40');
    expect(html).not.toMatch(/<script[^>]+src=/);
    for (const f of ['comparison-trafficked', 'border-map', 'flows-by-channel', 'dark-figure', 'flows-by-crossing'])
      expect(existsSync(join(dir, 'charts', `${f}.png`)) && existsSync(join(dir, 'charts', `${f}.svg`))).toBe(true);
  });

  it.skipIf(!existsSync(CHROMIUM))('renders every chart in Chromium with no console errors and no network', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && requests.push(r.url()));
      await page.goto(`file://${join(dir, 'report.html')}`);
      await page.waitForFunction(() => {
        const c = (window as unknown as { __charts: { expected: number; rendered: number; failed: string[] } }).__charts;
        return c.rendered + c.failed.length === c.expected;
      }, null, { timeout: 60_000 });
      const charts = await page.evaluate(() => (window as unknown as { __charts: unknown }).__charts);
      expect(charts).toEqual({ expected: 6, rendered: 6, failed: [] });
      expect(await page.evaluate(() => [...document.querySelectorAll('.chart')].filter((c) => c.querySelector('.marks')).length)).toBe(6);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
