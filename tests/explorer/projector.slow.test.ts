/**
 * Projector fit: at 1280×720 and at 1920×1080 the controls of the README's demo (play, reset, the
 * cooperation stage, the first slider), the map, the totals and both charts lie inside the window
 * with no page scrolling, and the map's labels do not overlap. Screenshots go to
 * benchmarks/artifacts/explorer-<w>x<h>.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ExplorerServer } from '../../src/explorer/server.js';
import { overlaps } from '../../src/report/label-placement.js';

const CHROMIUM = '/usr/bin/chromium';
const SIZES = [
  [1280, 720],
  [1920, 1080],
] as const;
const MUST_SHOW = ['#play', '#reset', '#stage', '#interventions .slider:first-child input', '#map', '#totals', '#chart-crossings', '#chart-dark', '#date'];

type Win = { __lintas: { ready: boolean; mapLabels: () => { text: string; x: number; y: number; w: number; h: number }[] }; __lintasStats: { week: number; playing: boolean } };

describe.skipIf(!existsSync(CHROMIUM))('explorer on a projector', () => {
  let server: ExplorerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'] });
    mkdirSync('benchmarks/artifacts', { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [width, height] of SIZES) {
    it(`at ${width}×${height}: demo controls, map, totals and charts inside the window, no scrolling, no overlapping map labels`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      try {
        await page.goto(server.url);
        await page.waitForFunction(() => (window as unknown as Win).__lintas?.ready, null, { timeout: 60_000 });
        // Run half a year so the totals and charts hold data.
        await page.selectOption('#speed', 'max');
        await page.click('#play');
        await page.waitForFunction(() => (window as unknown as Win).__lintasStats.week >= 26, null, { timeout: 60_000 });
        await page.click('#play');
        await page.waitForTimeout(500);
        const boxes = await page.evaluate((sels) => sels.map((s) => {
          const e = document.querySelector(s);
          const r = e?.getBoundingClientRect();
          return { s, found: !!e, x: r?.x ?? -1, y: r?.y ?? -1, right: r?.right ?? 1e9, bottom: r?.bottom ?? 1e9, w: r?.width ?? 0, h: r?.height ?? 0 };
        }), MUST_SHOW);
        for (const b of boxes) {
          expect(b.found, b.s).toBe(true);
          expect(b.w * b.h, `${b.s} has a size`).toBeGreaterThan(0);
          expect([b.s, b.x >= 0, b.y >= 0, b.right <= width, b.bottom <= height]).toEqual([b.s, true, true, true, true]);
        }
        // The charts are drawn (a canvas with a size), not just their boxes.
        for (const id of ['chart-crossings', 'chart-dark']) expect(await page.evaluate((id) => (document.querySelector(`#${id} canvas`) as HTMLCanvasElement | null)?.height ?? 0, id)).toBeGreaterThan(100);
        const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
        expect(scroll).toEqual([width, height]);
        const labels = await page.evaluate(() => (window as unknown as Win).__lintas.mapLabels());
        expect(labels.length).toBeGreaterThanOrEqual(8);
        const clashes = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => overlaps(a, b)).map((b) => `${a.text} / ${b.text}`));
        expect(clashes).toEqual([]);
        await page.screenshot({ path: `benchmarks/artifacts/explorer-${width}x${height}.png` });
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});
