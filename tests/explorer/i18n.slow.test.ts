/**
 * The explorer's languages in Chromium: it opens in the browser's language (an Indonesian browser
 * gets Bahasa Indonesia), and the switch moves it to Malay and back to English — page text,
 * controls, totals, legend and charts. A slow test: `npm run test:slow`.
 */
import { BUILTIN, textIn } from '../../src/model/interventions/index.js';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ExplorerServer } from '../../src/explorer/server.js';
import { localize, type Lang } from '../../src/i18n/index.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`explorer language tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

type Win = { __lintas: { ready: boolean } };

describe.skipIf(!HAVE_CHROMIUM)('explorer languages in Chromium', () => {
  let server: ExplorerServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const ready = () => page.waitForFunction(() => (window as unknown as Win).__lintas?.ready === true, null, { timeout: 60_000 });
  /** What the reader sees in a language: the catalog's words in the page, the chart titles in the chart canvases' specs. */
  async function expectLanguage(lang: Lang): Promise<void> {
    const { t } = localize(lang);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.textContent('#play')).toBe(t('explorer.play'));
    expect(await page.textContent('.subtitle')).toBe(t('explorer.subtitle'));
    expect(await page.inputValue('#lang')).toBe(lang);
    expect(await page.title()).toBe(t('explorer.title'));
    const legend = await page.textContent('#legend');
    expect(legend).toContain(t('explorer.legend.footpath'));
    const totals = await page.textContent('#totals');
    expect(totals).toContain(t('explorer.totals.identified'));
    expect(await page.textContent('#interventions')).toContain(textIn(BUILTIN.get('jointPatrols').label, lang));
    expect(await page.textContent('#stage')).toContain(t('stage.collaboration'));
    // The charts draw on canvases: their series names, from the catalog, are read from the rows they hold.
    await page.selectOption('#speed', 'max');
    await page.click('#step');
    await page.waitForFunction(() => (window as unknown as { __lintasStats: { week: number } }).__lintasStats.week >= 1, null, { timeout: 60_000 });
    const series = await page.evaluate(() => (window as unknown as { __lintas: { chartRows: () => { crossings: { series: string }[] } } }).__lintas.chartRows().crossings.map((r) => r.series));
    expect(series).toContain(t('explorer.channel.crossings_informal'));
  }

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    // An Indonesian browser.
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await ready();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens in the browser's language (id-ID: Bahasa Indonesia)", async () => {
    await expectLanguage('id');
  });

  it('switches to Malay, then back to English', async () => {
    await Promise.all([page.waitForURL(/lang=ms/), page.selectOption('#lang', 'ms')]);
    await ready();
    await expectLanguage('ms');
    await Promise.all([page.waitForURL(/lang=en/), page.selectOption('#lang', 'en')]);
    await ready();
    await expectLanguage('en');
    expect(errors).toEqual([]);
  });
});
