/** The sensitivity report in Bahasa Indonesia and Malay, from a small stored sensitivity.json (two parameters, Morris, a decision). */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS, localize } from '../../src/i18n/index.js';
import { buildSensitivityReport } from '../../src/report/sensitivity.js';
import { SAME_EVERYWHERE, leaves } from '../i18n/leaves.js';

let dir: string;
const html: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-sensitivity-lang-'));
  cpSync('tests/fixtures/sensitivity-small', dir, { recursive: true });
  for (const lang of ['id', 'ms', 'en'] as const) html[lang] = (await buildSensitivityReport(dir, localize(lang))).html;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sensitivity report.html in other languages', () => {
  it('leaves no English text of the sensitivity catalog in the id and ms pages', () => {
    const en = leaves(CATALOGS.en);
    for (const lang of ['id', 'ms'] as const) {
      const other = leaves(CATALOGS[lang]);
      const page = html[lang]!.replace(/<style>[\s\S]*?<\/style>/g, '');
      const left = [...en]
        .filter(([k, v]) => k.startsWith('sensitivity.') && !SAME_EVERYWHERE.has(k) && other.get(k) !== v)
        .flatMap(([k, v]) => v.split(/\{\{\w+\}\}|<[^>]+>|\n/).map((p) => ({ k, text: p.trim() })))
        .filter((f) => f.text.split(/\s+/).length >= 3 && !f.text.includes('--') && page.includes(f.text));
      expect(left, lang).toEqual([]);
    }
  });

  it('is marked with its language, its numbers in the locale', () => {
    expect(html.id).toContain('<html lang="id">');
    expect(html.id).toContain('<h1>Asumsi mana yang berpengaruh?</h1>');
    expect(html.id).toContain('Apa yang dapat membalikkan keputusan');
    expect(html.id).toMatch(/<td class="n">\d+,\d+<\/td>/);
    expect(html.ms).toContain('<h1>Andaian manakah yang penting?</h1>');
    expect(html.en).toContain('<h1>Which assumptions matter?</h1>');
    expect(html.en).toContain('What could flip the decision');
  });
});
