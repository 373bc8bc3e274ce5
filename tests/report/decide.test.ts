/**
 * decide.html from a stored decide.json (the worked example of docs/decide.md: the paper's nine
 * measures within 25 billion rupiah a year, 20 draws): valid charts, every section's reading, and
 * the page in Bahasa Indonesia and Malay with no English left of the decide catalog.
 */
import { Ajv } from 'ajv';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecideResult } from '../../src/experiment/decide/decide.js';
import { CATALOGS, localize } from '../../src/i18n/index.js';
import { buildDecideReport, frontSpec, primSpec, voiSpec } from '../../src/report/decide.js';
import { packageFile } from '../../src/report/report.js';
import { SAME_EVERYWHERE, leaves } from '../i18n/leaves.js';

let dir: string;
const html: Record<string, string> = {};
const result = JSON.parse(readFileSync('tests/fixtures/decide-report/decide.json', 'utf8')) as DecideResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-decide-report-'));
  cpSync('tests/fixtures/decide-report', dir, { recursive: true });
  for (const lang of ['id', 'ms', 'en'] as const) html[lang] = (await buildDecideReport(dir, localize(lang))).html;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decide.html', () => {
  it('draws charts valid against the vega-lite JSON schema', () => {
    const schema = JSON.parse(readFileSync(packageFile('vega-lite/build/vega-lite-schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: false, validateFormats: false }).compile(schema);
    for (const spec of [frontSpec(result, localize()), primSpec(result, localize()), voiSpec(result, localize())]) expect(validate(spec), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reads each section in plain words, with the caveat of what the draws cover', () => {
    const page = html.en!;
    expect(page).toContain('<h1>Which measures to fund, and how sure can we be?</h1>');
    expect(page).toContain('What the draws cover.');
    expect(page).toContain('Few draws (20).');
    expect(page).toContain('the best on average is <b>Close the ID loophole + Placement reform</b>');
    expect(page).toContain('is also the one whose largest regret is smallest');
    expect(page).toContain('misses the goal — averting at least 30% of the people trafficked — in 8 of 20 draws');
    expect(page).toContain('holds <b>100%</b> of the failures (coverage)');
    expect(page).toContain('A second view: a classification tree');
    expect(page).toContain('would raise the cases averted by <b>80</b> on average');
    expect(page).toContain('these draws are too few for the groups');
    expect((page.match(/<svg/g) ?? []).length).toBe(3);
  });

  it('says what separates the best on average from the min-max-regret choice when they differ', async () => {
    const other = mkdtempSync(join(tmpdir(), 'lintas-decide-report-'));
    try {
      const r: DecideResult = {
        ...result,
        choices: {
          maxExpected: 'documentAlignment+placementReform',
          minMaxRegret: 'placementReform',
          same: false,
          separation: { meanDifference: 1270, shareBBetter: 0.15, worstDrawOfA: { draw: 3, a: 2000, b: 2600, regretA: 800, regretB: 200 }, driver: { parameter: 'params.selfReport', rho: -0.61 } },
        },
      };
      writeFileSync(join(other, 'decide.json'), JSON.stringify(r));
      const page = (await buildDecideReport(other, localize('en'))).html;
      expect(page).toContain('the decision that keeps the largest regret smallest is <b>Placement reform</b>');
      expect(page).toContain('falls 800 cases short of the best decision there, where Placement reform falls 200 short');
      expect(page).toContain('Their difference moves most with <code>selfReport</code> (rank correlation -0.61)');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('in Bahasa Indonesia and Malay leaves no English of the decide catalog, and names the measures in the language', () => {
    const en = leaves(CATALOGS.en);
    for (const lang of ['id', 'ms'] as const) {
      const other = leaves(CATALOGS[lang]);
      const page = html[lang]!.replace(/<style>[\s\S]*?<\/style>/g, '');
      const left = [...en]
        .filter(([k, v]) => k.startsWith('decide.') && !SAME_EVERYWHERE.has(k) && other.get(k) !== v)
        .flatMap(([k, v]) => v.split(/\{\{\w+\}\}|<[^>]+>|\n/).map((p) => ({ k, text: p.trim() })))
        .filter((f) => f.text.split(/\s+/).length >= 3 && !f.text.includes('--') && page.includes(f.text));
      expect(left, lang).toEqual([]);
    }
    expect(html.id).toContain('<html lang="id">');
    expect(html.id).toContain('Menutup celah KTP + Reformasi penempatan');
    expect(html.id).toContain('Rp 25 miliar');
    expect(html.ms).toContain('<html lang="ms">');
    expect(html.ms).toContain('Pembaharuan penempatan');
  });
});
