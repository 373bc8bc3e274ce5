/**
 * `lintas brief DIR`: the short printed brief a ministry circulates — two to four A4 pages from a
 * compare output folder: the question, what was compared, the main finding with its uncertainty
 * in plain words, one chart of paired changes, where flows move, what is assumed, and how to
 * reproduce it. Printed to PDF by Chromium (playwright-core's page.pdf) with DejaVu Sans embedded,
 * and readable in black and white: the verdicts are written out and drawn as shapes, not colour only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../core/errors.js';
import type { Comparison, VariantResult } from '../experiment/compare.js';
import { writeFileAtomic } from '../io/atomic.js';
import { shownVariants } from '../experiment/table.js';
import { localize, type Locale } from '../i18n/index.js';
import { comparisonSpec } from './charts.js';
import { FEW_REPLICATES, countSources, parameterUncertainty, relativeInterval, verdict } from './honesty.js';
import { crossingNames, variantDescription, variantLabels } from './labels.js';
import { FONT_FILES, toSvg } from './render.js';
import { moves, read, type ScenarioInfo } from './report.js';

/** Debian's Chromium, as the browser tests use it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The fonts, inlined: the PDF carries the glyphs it uses whatever the printing machine has installed. */
function fontFaces(): string {
  const [regular, bold] = FONT_FILES.map((f) => readFileSync(f).toString('base64'));
  const face = (data: string | undefined, weight: string) => `@font-face { font-family: "DejaVu Sans"; font-weight: ${weight}; src: url(data:font/ttf;base64,${data}) format("truetype"); }`;
  return `${face(regular, 'normal')}\n${face(bold, 'bold')}`;
}

/**
 * The chart of paired changes in people trafficked, for paper: the verdict drawn as a shape as well
 * as a colour (▼ fewer, ● no clear change, ▲ more), so a black-and-white copy still says it.
 */
export function briefChartSpec(c: Comparison, label: (name: string) => string, loc: Locale): TopLevelSpec {
  const spec = comparisonSpec(c, 'trafficked', loc.t('chart.comparisonTrafficked'), 'lower', label, loc) as TopLevelSpec & { layer: { mark: unknown; encoding: Record<string, unknown> }[] };
  const domain = [loc.t('chart.fewer'), loc.t('chart.unclear'), loc.t('chart.more')];
  const point = spec.layer[2]!;
  point.encoding = { ...point.encoding, shape: { field: 'verdict', type: 'nominal', title: null, scale: { domain, range: ['triangle-down', 'circle', 'triangle-up'] } } };
  // One verdict a line: on a narrow page the legend's labels would otherwise be cut short.
  const rule = spec.layer[1]!.encoding as { color: { legend?: object } };
  rule.color = { ...rule.color, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 600 } };
  // Plain labels can be long ("All nine measures together, at the collaboration stage"): room for them whole.
  const y = (spec as unknown as { encoding: { y: { axis: object } } }).encoding.y;
  y.axis = { ...y.axis, labelFontSize: 11, labelLimit: 800 };
  return { ...spec, width: 380 } as TopLevelSpec;
}

/** The main finding in plain words, one sentence per variant, each with its interval and what it means. */
function plainFindings(c: Comparison, label: (name: string) => string, loc: Locale): string {
  const { t } = loc;
  const base = c.variants[0]!;
  const rows = shownVariants(c)
    .slice(1)
    .map((v) => ({ v, rel: relativeInterval(v, base, 'trafficked'), verdict: verdict(v.metrics.trafficked) }))
    .filter((r): r is { v: VariantResult; rel: NonNullable<typeof r.rel>; verdict: typeof r.verdict } => r.rel !== null);
  const clear = rows.filter((r) => r.verdict === 'lower').sort((a, b) => a.rel.mean - b.rel.mean);
  const best = clear[0];
  const headline = best
    ? // "lowers … by about 57%": the size of the reduction, without its sign; the interval keeps its signs.
      t('brief.headline', { variant: esc(label(best.v.name)), mean: loc.pct2(-best.rel.mean).replace('+', ''), lo: loc.pct2(best.rel.lo), hi: loc.pct2(best.rel.hi) })
    : t('brief.headlineNone', { replicates: c.replicates });
  // One line per verdict, the variants in it with their change and interval: a page, not a list of twenty.
  const groups = (['lower', 'unclear', 'higher'] as const)
    .map((v) => ({ v, rows: rows.filter((r) => r.verdict === v).sort((a, b) => a.rel.mean - b.rel.mean) }))
    .filter((g) => g.rows.length)
    .map(({ v, rows: rs }) => {
      const items = rs.map((r) => t('brief.item', { variant: `<b>${esc(label(r.v.name))}</b>`, mean: loc.pct2(r.rel.mean), lo: loc.pct2(r.rel.lo), hi: loc.pct2(r.rel.hi) }));
      return `<li>${t(`brief.group.${v}`)} ${items.join('; ')}.</li>`;
    });
  return `<p class="headline">${headline}</p><ul class="plain">${groups.join('')}</ul>`;
}

/** How many are trafficked and identified in the baseline, and what that does not say. */
function baselineFinding(c: Comparison, loc: Locale): string {
  const base = c.variants[0]!;
  const tr = base.metrics.trafficked!.mean;
  const id = base.metrics.identified!.mean;
  return loc.t('report.findings.baseline', {
    start: esc(loc.date(c.start)),
    end: esc(loc.date(c.end)),
    trafficked: loc.count2(tr),
    identified: loc.count2(id),
    share: tr > 0 ? loc.t('report.findings.share', { pct: loc.pct2(id / tr).replace('+', '') }) : '',
  });
}

/** The brief as one HTML page, laid out for A4 paper. */
export async function briefHtml(dir: string, loc: Locale = localize()): Promise<string> {
  const { t } = loc;
  if (!existsSync(join(dir, 'comparison.json'))) throw new UserError([`${join(dir, 'comparison.json')}: not found; lintas brief reads the output folder of lintas compare`]);
  const c = read<Comparison>(dir, 'comparison.json');
  const info = read<ScenarioInfo>(dir, 'scenario.json');
  const shown = shownVariants(c);
  const label = variantLabels(info.variants, shown.map((v) => v.name), loc);
  const crossing = crossingNames(info.geography.crossings);
  const baseInfo = info.variants[0];
  // The baseline in a sentence, the variants by their plain labels: the findings below say what each one did.
  const others = info.variants.filter((v) => v !== baseInfo && shown.some((s) => s.name === v.name));
  const compared = `<p>${esc(baseInfo ? variantDescription(baseInfo, baseInfo, loc) : '')}</p><p>${t('brief.variants', { n: others.length })} ${others
    .map((v) => `<b>${esc(label(v.name))}</b>`)
    .join('; ')}.</p>`;
  const svg = await toSvg(briefChartSpec(c, label, loc));
  const n = countSources(info.parameters);
  const posterior = parameterUncertainty(c, loc);
  const assumed = [
    t('brief.assumedInputs', { total: info.parameters.length, data: n.data, calibrated: n.calibrated, assumed: n.assumed + n.partly }),
    posterior ? t('brief.assumedPosterior', { what: esc(posterior) }) : t('brief.assumedChance', { replicates: c.replicates }),
    ...(c.replicates < FEW_REPLICATES ? [t('brief.fewReplicates', { replicates: c.replicates, few: FEW_REPLICATES })] : []),
    t('brief.assumedScale', { scale: c.scale }),
    t('brief.assumedCosts'),
  ];
  const langFlag = loc.lang === 'en' ? '' : ` --lang ${loc.lang}`;
  return `<!doctype html>
<html lang="${loc.lang}"><head><meta charset="utf-8"><title>${t('brief.title')} — ${esc(c.scenario)}</title>
<style>
${fontFaces()}
@page { size: A4; margin: 16mm 17mm 18mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.6pt; line-height: 1.42; color: #000; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 2pt; } h2 { font-size: 11.5pt; margin: 12pt 0 4pt; border-bottom: 1.2pt solid #000; padding-bottom: 1pt; break-after: avoid; }
.meta { font-size: 8.6pt; margin: 0 0 8pt; } ul { margin: 3pt 0; padding-left: 14pt; } li { margin: 2pt 0; }
.headline { border: 1.5pt solid #000; padding: 6pt 8pt; font-size: 10.5pt; margin: 6pt 0; }
.plain li { break-inside: avoid; } figure { margin: 6pt 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 8.4pt; } pre { font-size: 8pt; border: 0.8pt solid #000; padding: 5pt; white-space: pre-wrap; word-break: break-all; }
.note { font-size: 8.4pt; } a { color: #000; }
</style></head><body>
<h1>${t('brief.title')}</h1>
<p class="meta">${t('report.meta', { scenario: esc(c.scenario), start: esc(loc.date(c.start)), end: esc(loc.date(c.end)), variants: shown.length, replicates: c.replicates, scale: c.scale })}</p>
<h2>${t('brief.question')}</h2>
<p>${t('brief.questionText', { start: esc(loc.date(c.start)), end: esc(loc.date(c.end)) })}</p>
<h2>${t('brief.compared')}</h2>
${compared}
<h2>${t('brief.finding')}</h2>
${plainFindings(c, label, loc)}
<p>${baselineFinding(c, loc)}</p>
<figure>${svg}<figcaption>${t('brief.chartCaption')}</figcaption></figure>
<h2>${t('brief.flows')}</h2>
<p>${t('report.movedIntro')}</p>
${moves(c, label, crossing, loc)}
<h2>${t('brief.assumed')}</h2>
<ul>${assumed.map((a) => `<li>${a}</li>`).join('')}</ul>
<h2>${t('brief.reproduce')}</h2>
<pre>${esc(info.command)}${langFlag}
lintas brief ${esc(dir)}${langFlag}</pre>
<p class="note">${t('brief.reproduceNote')}</p>
</body></html>
`;
}

/** Pages in a PDF: its page objects (Chromium writes them uncompressed). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * The same brief gives the same bytes: Chromium stamps the PDF with the time it was printed and an
 * id drawn from it. The dates become a fixed one and the id a hash of the rest, each of the same
 * length, so no offset in the file moves.
 */
export function stripPdfClock(pdf: Uint8Array): Buffer {
  let text = Buffer.from(pdf).toString('latin1');
  text = text.replace(/\/(CreationDate|ModDate)\s*\(D:([^)]*)\)/g, (_all, key: string, d: string) => `/${key} (D:${'20000101000000'.slice(0, d.length).padEnd(d.length, '0')})`);
  const digest = createHash('sha256').update(text.replace(/\/ID\s*\[[^\]]*\]/g, '')).digest('hex');
  text = text.replace(/\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g, (all, a: string, b: string) => all.replace(a, digest.slice(0, a.length).padEnd(a.length, '0')).replace(b, digest.slice(0, b.length).padEnd(b.length, '0')));
  return Buffer.from(text, 'latin1');
}

/** Prints the brief of DIR to `out` (whole or not at all) and returns its page count. */
export async function writeBrief(dir: string, out: string, loc: Locale = localize(), chromiumPath = DEFAULT_CHROMIUM): Promise<{ pages: number }> {
  // Checked before Chromium starts: a mistake in --out costs nothing.
  if (!existsSync(dirname(resolve(out)))) throw new UserError([`--out ${out}: the folder ${dirname(out)} does not exist`]);
  const html = await briefHtml(dir, loc);
  if (!existsSync(chromiumPath)) throw new UserError([`lintas brief: ${chromiumPath} not found; install Chromium (apt-get install -y chromium) or give --chromium PATH`]);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = stripPdfClock(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true }));
    writeFileAtomic(out, pdf);
    return { pages: pdfPageCount(pdf) };
  } finally {
    await browser.close();
  }
}
