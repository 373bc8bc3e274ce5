/** report.html in Bahasa Indonesia and Malay: every catalog text translated, numbers and dates in the locale's way. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { CATALOGS, localize } from '../../src/i18n/index.js';
import { buildReport } from '../../src/report/report.js';
import { SAME_EVERYWHERE, leaves } from '../i18n/leaves.js';

let dir: string;
const html: Record<string, string> = {};

/** The page a reader sees: text and chart specs, without the inlined vega libraries or the style sheet. */
const readable = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    // The parameter table quotes the scenario file (meanings, units, sources): the author's words, not the catalog's.
    .replace(/<details>[\s\S]*?<\/details>/g, '')
    .replace(/<script>([\s\S]*?)<\/script>/g, (_all, body: string) => (body.includes('const SPECS') ? body : ''))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/**
 * English fragments of the catalog that must not survive translation: the English value of each key
 * whose translation differs, cut at placeholders and tags, where a fragment has three words or more.
 */
function englishFragments(lang: 'id' | 'ms'): { key: string; text: string }[] {
  const en = leaves(CATALOGS.en);
  const other = leaves(CATALOGS[lang]);
  const out: { key: string; text: string }[] = [];
  for (const [key, value] of en) {
    if (SAME_EVERYWHERE.has(key) || other.get(key) === value || key.startsWith('cli.') || key.startsWith('explorer.') || key.startsWith('brief.')) continue;
    for (const part of value.split(/\{\{\w+\}\}|<[^>]+>|\n/)) {
      const text = part.trim();
      // Commands (lintas compare … --replicates 10) are identifiers, the same in every language.
      if (text.split(/\s+/).length >= 3 && !text.includes('--')) out.push({ key, text });
    }
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-report-lang-'));
  await compare({ file: 'tests/fixtures/compare-small.json', replicates: 2, scale: 50, weeks: 40, workers: 1, outDir: dir, resume: false });
  for (const lang of ['id', 'ms'] as const) html[lang] = (await buildReport(dir, localize(lang))).html;
  html.en = (await buildReport(dir)).html;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report.html in other languages', () => {
  it('leaves no English catalog text in the Indonesian or Malay page or its charts', () => {
    for (const lang of ['id', 'ms'] as const) {
      const page = readable(html[lang]!);
      const fragments = englishFragments(lang);
      expect(fragments.length).toBeGreaterThan(100);
      const left = fragments.filter((f) => page.includes(f.text));
      expect(left, lang).toEqual([]);
    }
  });

  it('is marked with its language and titled in it', () => {
    expect(html.id).toContain('<html lang="id">');
    expect(html.id).toContain('<h1>Langkah melawan perdagangan orang di perbatasan Kalimantan</h1>');
    expect(html.ms).toContain('<html lang="ms">');
    expect(html.ms).toContain('Sejauh mana kita pasti?');
    expect(html.en).toContain('<html lang="en">');
  });

  it('writes numbers and dates as the locale does', () => {
    expect(html.id).toMatch(/\d{1,3}\.\d{3} \[\d{1,3}\.\d{3}, \d{1,3}\.\d{3}\]/);
    expect(html.id).toContain('7 Januari 2019 sampai 30 Desember 2024');
    expect(html.id).toMatch(/[+-]\d+,\d%/);
    expect(html.ms).toContain('7 Januari 2019 hingga 30 Disember 2024');
    expect(html.ms).toMatch(/\d{1,3},\d{3} \[\d{1,3},\d{3}, \d{1,3},\d{3}\]/);
    // Chart axes follow the locale too (vega's number format, from Intl).
    const spec = JSON.parse(readFileSync(join(dir, 'charts', 'comparison-trafficked.vl.json'), 'utf8'));
    expect(spec.config.locale).toBeUndefined(); // the last build was English: its specs stay as they were
    expect(html.id).toContain('"locale":{"number":{"decimal":",","thousands":"."');
  });
});
