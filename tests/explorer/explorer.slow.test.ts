/**
 * The explorer in Chromium (playwright-core driving Debian's /usr/bin/chromium): it loads
 * cleanly, draws every post, runs, reacts to its controls and matches `lintas run`. Writes
 * benchmarks/artifacts/explorer.png. Its frame rate is a benchmark, measured by `npm run bench`
 * (benchmarks/explorer-fps.ts). A slow test: `npm run test:slow`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { startServer, type ExplorerServer } from '../../src/explorer/server.js';
import { FLOW_METRICS } from '../../src/model/metrics.js';
import { loadScenario } from '../../src/scenario/load.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOT = 'benchmarks/artifacts/explorer.png';
if (!HAVE_CHROMIUM) console.warn(`explorer browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

/** What the page exposes on window. */
import type { Stats } from '../../src/explorer/app.js';
interface Row {
  t: number;
  series: string;
  value: number;
}
type Win = {
  __lintasStats: Stats;
  __lintas: { totals: () => Record<string, number>; chartRows: () => { crossings: Row[]; darkFigure: Row[] }; ready: boolean };
};

describe.skipIf(!HAVE_CHROMIUM)('explorer in Chromium', () => {
  let server: ExplorerServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const foreign: string[] = [];

  const stats = () => page.evaluate(() => (window as unknown as Win).__lintasStats);
  const totals = () => page.evaluate(() => (window as unknown as Win).__lintas.totals());
  const weekIs = (n: number) => page.waitForFunction((n) => (window as unknown as Win).__lintasStats.week === n, n, { timeout: 60_000 });
  const ended = () =>
    page.waitForFunction(() => {
      const s = (window as unknown as Win).__lintasStats;
      return !s.playing && s.week > 0;
    }, null, { timeout: 120_000 });
  /** Presses Step n times at full speed and waits until week n is shown. */
  async function stepTo(n: number): Promise<void> {
    await page.selectOption('#speed', 'max');
    for (let i = 0; i < n; i++) await page.click('#step');
    await weekIs(n);
  }

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    // A 1080p projector.
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && foreign.push(r.url()));
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as Win).__lintas?.ready === true, null, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads with no console errors and asks nothing of any other host', async () => {
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await page.locator('#chart-crossings canvas').count()).toBe(1);
    expect(await page.locator('#chart-dark canvas').count()).toBe(1);
  });

  it('draws every crossing, and a post symbol at every post', async () => {
    const scenario = await loadScenario('scenarios/baseline.ts');
    const drawn = await page.$$eval('#crossing-list li', (lis) => lis.map((li) => ({ ...(li as HTMLElement).dataset })));
    expect(drawn.map((d) => d.id)).toEqual(scenario.crossings.map((c) => c.id));
    const posts = scenario.crossings.filter((c) => c.kind === 'post');
    expect(await page.getAttribute('#map', 'data-post-count')).toBe(String(posts.length));
    // Inside each post's square (beside the white cross a closed post carries) the pixel is the
    // square's ink (open) or grey (closed), not land, sea or a label.
    const colours = await page.evaluate((pts) => {
      const canvas = document.getElementById('map') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const k = canvas.width / canvas.clientWidth;
      return pts.map(([x, y]) => Array.from(ctx.getImageData(Math.round((x + 4) * k), Math.round(y * k), 1, 1).data.slice(0, 3)));
    }, drawn.filter((d) => d.kind === 'post').map((d) => [Number(d.x), Number(d.y)] as [number, number]));
    expect(colours).toHaveLength(posts.length);
    for (const rgb of colours) expect([[0x1a, 0x1a, 0x1a], [0x9a, 0x9a, 0x9a]]).toContainEqual(rgb);
  });

  it('advances a run with Step and with Play', async () => {
    await stepTo(1);
    expect((await stats()).week).toBe(1);
    expect(await page.textContent('#date')).toBe('2019-01-07');
    await page.selectOption('#speed', '8');
    await page.click('#play');
    await page.waitForFunction(() => (window as unknown as Win).__lintasStats.week >= 4, null, { timeout: 30_000 });
    await page.click('#play'); // pause
    const s = await stats();
    expect(s.week).toBeGreaterThanOrEqual(4);
    expect(s.frames).toBeGreaterThan(0);
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false');

    // A presenter's keys: → steps once more.
    await page.waitForFunction(() => (window as unknown as Win).__lintasStats.phase === 1);
    const week = (await stats()).week;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await weekIs(week + 1);
  });

  it('gives the same numbers as `lintas run` for the same seed at scale 20', async () => {
    await page.fill('#seed', '7');
    await page.press('#seed', 'Tab'); // commits the field: a fresh world with seed 7
    await page.selectOption('#speed', 'max');
    await page.click('#play');
    await ended();
    expect((await stats()).week).toBe(313);
    const shown = await totals();
    const expected = runScenario(await loadScenario('scenarios/baseline.ts'), { seed: 7, scale: 20 }).summary.totals;
    for (const m of FLOW_METRICS) expect(shown[m], m).toBe(expected[m]);
    expect(Number(await page.getAttribute('dd[data-metric="trafficked"]', 'data-value'))).toBe(expected.trafficked);
  });

  it('changes the charts when an intervention slider is moved', async () => {
    await page.fill('#seed', '1');
    await page.press('#seed', 'Tab');
    await stepTo(30);
    const rowsOf = () => page.evaluate(() => (window as unknown as Win).__lintas.chartRows());
    await page.waitForFunction(() => (window as unknown as Win).__lintas.chartRows().crossings.length === 90);
    const before = await rowsOf();
    const departuresBefore = await page.textContent('dd[data-metric="departures"]');

    // Economic development to full, by keyboard as a user would: the world restarts with it.
    await page.focus('#iv-economicDevelopment');
    await page.keyboard.press('End');
    expect(await page.textContent('#iv-economicDevelopment-v')).toBe('1.0');
    await weekIs(0);
    await stepTo(30);
    await page.waitForFunction(() => (window as unknown as Win).__lintas.chartRows().crossings.length === 90);
    const after = await rowsOf();
    expect(after.crossings.map((r) => r.t)).toEqual(before.crossings.map((r) => r.t));
    expect(after.crossings.map((r) => r.value)).not.toEqual(before.crossings.map((r) => r.value));
    expect(await page.textContent('dd[data-metric="departures"]')).not.toBe(departuresBefore);

    await page.focus('#iv-economicDevelopment');
    await page.keyboard.press('Home');
    await weekIs(0);
  });

  it('saves a screenshot mid-run', async () => {
    await page.selectOption('#stage', 'coordination');
    await stepTo(60);
    await page.selectOption('#speed', '2');
    await page.click('#step');
    await page.waitForTimeout(250); // the week's movers part of the way along their legs
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('logged no console errors through the whole session', () => {
    expect(errors).toEqual([]);
  });
});
