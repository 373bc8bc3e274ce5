/** The self-contained report renders every chart in Chromium with no console errors and no network. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { buildReport } from '../../src/report/report.js';

const CHROMIUM = '/usr/bin/chromium';
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-report-'));
  await compare({ file: 'tests/fixtures/compare-small.json', replicates: 2, scale: 50, weeks: 40, workers: 1, outDir: dir, resume: false });
  await buildReport(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report.html', () => {
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
      // "How sure is this?" opens the page: a reader sees it without scrolling (the default 1280x720 window).
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await page.locator('#how-sure').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeLessThan(300);
      expect(box!.y + 120).toBeLessThan(page.viewportSize()!.height);
      expect(await page.locator('#how-sure').textContent()).toMatch(/What the intervals cover/);
    } finally {
      await browser.close();
    }
  });
});
