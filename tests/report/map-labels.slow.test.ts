/** The border map's labels never overlap one another or a crossing marker: boxes measured in Chromium. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { borderMapSpec } from '../../src/report/charts.js';
import { overlaps } from '../../src/report/label-placement.js';
import { mapData } from '../../src/report/map-data.js';
import { toSvg } from '../../src/report/render.js';
import { loadScenario } from '../../src/scenario/load.js';

const CHROMIUM = '/usr/bin/chromium';

describe('border map labels', () => {
  it.skipIf(!existsSync(CHROMIUM))('never overlap each other or the crossing markers (Chromium, real text metrics)', async () => {
    const s = await loadScenario('scenarios/baseline.ts');
    const flows = Object.fromEntries(s.crossings.map((c, i) => [c.id, 1000 * (i + 1)]));
    const svg = await toSvg(borderMapSpec(mapData(s, flows)));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
      const boxes = await page.evaluate(() => {
        const rect = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent ?? '' };
        };
        return {
          labels: [...document.querySelectorAll('g.crossing_labels_marks text')].map(rect),
          markers: [...document.querySelectorAll('g.crossing_points_marks path')].map(rect),
        };
      });
      expect(boxes.labels.map((l) => l.text).sort()).toEqual(s.crossings.filter((c) => c.kind !== 'informal').map((c) => c.name.replace(/^PLBN\s+/, '').replace(/\s*\(.*\)\s*$/, '')).sort());
      expect(boxes.markers).toHaveLength(s.crossings.length);
      const clashes: string[] = [];
      boxes.labels.forEach((a, i) => {
        expect(a.w, a.text).toBeGreaterThan(0);
        boxes.labels.slice(i + 1).forEach((b) => overlaps(a, b) && clashes.push(`${a.text} / ${b.text}`));
        boxes.markers.forEach((m, j) => overlaps(a, m) && clashes.push(`${a.text} / marker ${j}`));
      });
      expect(clashes).toEqual([]);
      // Footpath markers stand clear of their post's marker.
      const markerClashes = boxes.markers.flatMap((a, i) => boxes.markers.slice(i + 1).filter((b) => overlaps(a, b, -2)).map(() => i));
      expect(markerClashes).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
