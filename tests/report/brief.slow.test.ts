/**
 * `lintas brief`: a 2–4 page A4 PDF printed by Chromium, fonts embedded, the finding in the chosen
 * language (read back with poppler's pdftotext), the same bytes each time. A slow test: Chromium.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, type Comparison } from '../../src/experiment/compare.js';
import { localize } from '../../src/i18n/index.js';
import { pdfPageCount, writeBrief } from '../../src/report/brief.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_TOOLS = existsSync(CHROMIUM) && spawnSync('pdftotext', ['-v']).error === undefined;
if (!HAVE_TOOLS) console.warn('brief tests skipped: needs /usr/bin/chromium and pdftotext (apt-get install -y chromium poppler-utils)');

let dir: string;
let comparison: Comparison;
const words = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe.skipIf(!HAVE_TOOLS)('lintas brief', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lintas-brief-'));
    comparison = await compare({ file: 'tests/fixtures/compare-small.json', replicates: 2, scale: 50, weeks: 40, workers: 1, outDir: dir, resume: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const lang of ['en', 'id', 'ms'] as const) {
    it(`prints 2–4 A4 pages in ${lang} with the finding in that language`, async () => {
      const loc = localize(lang);
      const out = join(dir, `brief-${lang}.pdf`);
      const { pages } = await writeBrief(dir, out, loc);
      const pdf = readFileSync(out);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pages).toBe(pdfPageCount(pdf));
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(4);
      const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(loc.t('brief.finding'));
      // The finding itself: compare-small has no clear change at two replicates.
      expect(text).toContain(words(loc.t('brief.headlineNone', { replicates: comparison.replicates })).slice(0, 60));
      expect(text).toContain(words(loc.t('brief.group.unclear')));
      expect(text).toContain(loc.t('brief.reproduce'));
      // DejaVu Sans travels inside the file.
      const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
      expect(fonts).toMatch(/DejaVuSans\s.*\byes\s+yes\b/);
    });
  }

  it('gives the same bytes for the same folder and language', async () => {
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'b.pdf');
    await writeBrief(dir, a, localize('id'));
    await writeBrief(dir, b, localize('id'));
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('is a command: lintas brief DIR --lang ms --out FILE, and a bad language is one line and exit 2', () => {
    const out = join(dir, 'cli.pdf');
    const ok = spawnSync(process.execPath, ['bin/lintas.js', 'brief', dir, '--lang', 'ms', '--out', out], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^menulis .*cli\.pdf \(\d halaman\)\n$/);
    const bad = spawnSync(process.execPath, ['bin/lintas.js', 'brief', dir, '--lang', 'fr'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('expected en, id, ms, got "fr"');
    const missing = spawnSync(process.execPath, ['bin/lintas.js', 'brief', join(dir, 'nowhere')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
