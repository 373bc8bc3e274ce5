/**
 * The explorer's frame rate while it simulates the baseline at scale 20, in Chromium
 * (playwright-core driving Debian's /usr/bin/chromium against the explorer served on 127.0.0.1).
 * Used by `npm run bench`; also runs alone: `npx tsx benchmarks/explorer-fps.ts`.
 * Writes benchmarks/artifacts/explorer.json and returns the same figures.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { Stats } from '../src/explorer/app.js';
import { startServer, type ExplorerServer } from '../src/explorer/server.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARTIFACT = 'benchmarks/artifacts/explorer.json';

type Win = { __lintasStats: Stats; __lintas?: { ready: boolean } };

export interface ExplorerFigures {
  date: string;
  scenario: string;
  scale: number;
  browser: string;
  fps: number;
  weeksPerSecond: number;
  note: string;
  presentation: { speed: string; fps: number; weeksPerSecond: number; seconds: number };
  runs: { fps: number; weeksPerSecond: number; weeks: number; seconds: number }[];
}

export async function measureExplorerFps(): Promise<ExplorerFigures> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install -y chromium)`);
  let server: ExplorerServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({ port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    // A 1080p projector.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as Win).__lintas?.ready === true, null, { timeout: 60_000 });

    const stats = () => page.evaluate(() => (window as unknown as Win).__lintasStats);
    const weekIs = (n: number) => page.waitForFunction((n) => (window as unknown as Win).__lintasStats.week === n, n, { timeout: 60_000 });
    const ended = () =>
      page.waitForFunction(() => {
        const s = (window as unknown as Win).__lintasStats;
        return !s.playing && s.week > 0;
      }, null, { timeout: 120_000 });

    // As fast as the worker simulates: the heaviest load on the page. Three full runs of the baseline.
    const runs: Stats[] = [];
    await page.selectOption('#stage', 'coexistence');
    await page.selectOption('#speed', 'max');
    for (let i = 0; i < 3; i++) {
      await page.click('#reset');
      await weekIs(0);
      await page.click('#play');
      await ended();
      runs.push(await stats());
    }
    // At a presentation pace (a year a second) for three seconds.
    await page.click('#reset');
    await weekIs(0);
    await page.selectOption('#speed', '52');
    await page.click('#play');
    await page.waitForTimeout(3000);
    const paced = await stats();
    await page.click('#play');

    const frames = runs.reduce((a, r) => a + r.frames, 0);
    const seconds = runs.reduce((a, r) => a + r.seconds, 0);
    const weeks = runs.reduce((a, r) => a + r.week, 0);
    if (frames === 0 || weeks !== 3 * 313 || paced.week === 0) throw new Error(`the explorer did not run: ${frames} frames, ${weeks} weeks, paced week ${paced.week}`);
    const round = (x: number) => Math.round(x * 10) / 10;
    const result: ExplorerFigures = {
      date: new Date().toISOString().slice(0, 10),
      scenario: 'baseline',
      scale: 20,
      browser: `Chromium ${browser.version()} headless, software rendering (--disable-gpu), 1920x1080`,
      fps: round(frames / seconds),
      weeksPerSecond: round(weeks / seconds),
      note: 'explorer playing the baseline at full simulation speed (three full runs of 313 weeks); the worker simulates, the page animates',
      presentation: { speed: '52 weeks/s', fps: round(paced.fps), weeksPerSecond: round(paced.weeksPerSecond), seconds: round(paced.seconds) },
      runs: runs.map((r) => ({ fps: round(r.fps), weeksPerSecond: round(r.weeksPerSecond), weeks: r.week, seconds: round(r.seconds) })),
    };
    mkdirSync(dirname(ARTIFACT), { recursive: true });
    writeFileSync(ARTIFACT, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await browser?.close();
    await server?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await measureExplorerFps();
  process.stdout.write(`explorer: ${r.fps} fps, ${r.weeksPerSecond} weeks/s at scale 20; paced ${r.presentation.fps} fps\n`);
}
