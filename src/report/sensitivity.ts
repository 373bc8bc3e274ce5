/**
 * The report of a sensitivity analysis (`lintas sensitivity`, or `lintas report DIR` on its
 * folder): which assumptions matter for each output, in charts a reader knows from SALib and the
 * EMA Workbench — Morris μ*–σ, Sobol' S1/ST bars with bootstrap intervals — and, for a decision
 * output, a table of the parameters that could reverse the decision on their own. Charts are
 * inline SVG, so report.html opens offline; they are also written under DIR/charts/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/atomic.js';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../core/errors.js';
import type { SensitivityResult } from '../experiment/sensitivity/analysis.js';
import { CORE_PARAMS } from '../model/parameters.js';
import { OKABE_ITO } from './palette.js';
import { FONT } from './charts.js';
import { localize, type Locale } from '../i18n/index.js';
import { svgToPng, toSvg } from './render.js';

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const config = { font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, title: { fontSize: 14, anchor: 'start' as const } };
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A short name for a scenario path: params.patrolKappa → patrolKappa. */
export const shortName = (path: string) => path.replace(/^params\./, '');

/** What a parameter means, where the model declares it. */
function meaningOf(path: string): string {
  const name = shortName(path);
  return (CORE_PARAMS as Record<string, { meaning: string }>)[name]?.meaning ?? '';
}

/** Morris: μ* against σ, the top parameters labelled; σ > μ* means non-linear or interacting. */
export function morrisSpec(r: SensitivityResult, output: string, label = 12, loc: Locale = localize()): TopLevelSpec {
  const { t } = loc;
  const rows = [...r.indices[output]!].sort((a, b) => Number(b.muStar) - Number(a.muStar));
  const values = rows.map((x, i) => ({ parameter: shortName(String(x.parameter)), muStar: Number(x.muStar), sigma: Number(x.sigma) || 0, top: i < label }));
  const max = Math.max(1e-12, ...values.map((v) => Math.max(v.muStar, v.sigma)));
  return {
    $schema: SCHEMA,
    title: { text: t('sensitivity.morrisTitle', { title: title(r, output, loc) }), subtitle: t('sensitivity.morrisSubtitle') },
    width: 560,
    height: 360,
    config,
    layer: [
      { data: { values: [{ a: 0, b: 0 }, { a: max, b: max }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#999' }, encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } } },
      {
        data: { values },
        mark: { type: 'circle', size: 60, opacity: 0.8 },
        encoding: {
          x: { field: 'muStar', type: 'quantitative', title: t('sensitivity.morrisX') },
          y: { field: 'sigma', type: 'quantitative', title: t('sensitivity.morrisY') },
          color: { condition: { test: 'datum.top', value: OKABE_ITO.vermillion }, value: '#888' },
          tooltip: [{ field: 'parameter' }, { field: 'muStar', format: ',.4~g' }, { field: 'sigma', format: ',.4~g' }],
        },
      },
      {
        data: { values: values.filter((v) => v.top) },
        mark: { type: 'text', align: 'left', dx: 6, dy: -4, fontSize: 10 },
        encoding: { x: { field: 'muStar', type: 'quantitative' }, y: { field: 'sigma', type: 'quantitative' }, text: { field: 'parameter' } },
      },
    ],
  } as TopLevelSpec;
}

/** Sobol': first-order and total indices with their bootstrap intervals, the top parameters by ST. */
export function sobolSpec(r: SensitivityResult, output: string, top = 15, loc: Locale = localize()): TopLevelSpec {
  const { t } = loc;
  const rows = [...r.indices[output]!].sort((a, b) => Number(b.ST) - Number(a.ST)).slice(0, top);
  const values = rows.flatMap((x) => [
    { parameter: shortName(String(x.parameter)), index: t('sensitivity.s1'), value: Number(x.S1), lo: Number(x.S1lo), hi: Number(x.S1hi) },
    { parameter: shortName(String(x.parameter)), index: t('sensitivity.st'), value: Number(x.ST), lo: Number(x.STlo), hi: Number(x.SThi) },
  ]);
  const order = rows.map((x) => shortName(String(x.parameter)));
  return {
    $schema: SCHEMA,
    title: { text: t('sensitivity.sobolTitle', { title: title(r, output, loc) }), subtitle: t('sensitivity.sobolSubtitle') },
    width: 420,
    config,
    data: { values },
    encoding: {
      y: { field: 'parameter', type: 'nominal', sort: order, title: null },
      yOffset: { field: 'index' },
      color: { field: 'index', type: 'nominal', title: null, scale: { range: [OKABE_ITO.blue, OKABE_ITO.orange] }, legend: { orient: 'bottom', labelLimit: 300 } },
    },
    // Indices are shares of variance: estimates outside [0, 1] (a small N) are cut at the frame.
    layer: [
      { mark: { type: 'bar', clip: true }, encoding: { x: { field: 'value', type: 'quantitative', title: t('sensitivity.sobolX'), scale: { domain: [-0.1, 1.1] } } } },
      { mark: { type: 'rule', color: '#333', clip: true }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
    ],
  } as TopLevelSpec;
}

/** An output's name: the catalog's words for a metric in id and ms, the name with spaces in English (as before). */
const outputName = (output: string, loc: Locale) => (loc.lang === 'en' ? output.replace(/_/g, ' ') : loc.t(`metric.${output}`, { defaultValue: output.replace(/_/g, ' ') }));

function title(r: SensitivityResult, output: string, loc: Locale): string {
  const name = outputName(output, loc);
  return r.decision ? `${name}, ${r.decision.variant} − ${r.decision.against}` : name;
}

const fmtIn = (loc: Locale) => (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? loc.int(x) : loc.num(Number(x.toPrecision(3)))) : '—');
const headRow = (cells: string[]) => `<tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`;

function rankingTable(r: SensitivityResult, output: string, top = 15, loc: Locale = localize()): string {
  const fmt = fmtIn(loc);
  const key = r.method === 'morris' ? 'muStar' : 'ST';
  const rows = [...r.indices[output]!].sort((a, b) => Number(b[key]) - Number(a[key])).slice(0, top);
  const head = headRow(loc.list(r.method === 'morris' ? 'sensitivity.morrisHead' : 'sensitivity.sobolHead'));
  const body = rows
    .map((x) => {
      const p = String(x.parameter);
      const cells =
        r.method === 'morris'
          ? [x.muStar, `${fmt(Number(x.muStarLo))} – ${fmt(Number(x.muStarHi))}`, x.sigma, x.mu]
          : [x.S1, `${fmt(Number(x.S1lo))} – ${fmt(Number(x.S1hi))}`, x.ST, `${fmt(Number(x.STlo))} – ${fmt(Number(x.SThi))}`];
      return `<tr><td><code>${esc(shortName(p))}</code></td><td>${esc(meaningOf(p))}</td>${cells.map((c) => `<td class="n">${esc(typeof c === 'number' ? fmt(c) : c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table>${head}${body}</table>`;
}

function flipTable(r: SensitivityResult, output: string, loc: Locale): string {
  const { t } = loc;
  const fmt = fmtIn(loc);
  const d = r.decisions[output];
  if (!d) return '';
  const rows = d.swings
    .slice(0, 15)
    .map((s) => `<tr><td><code>${esc(shortName(s.parameter))}</code></td><td>${esc(meaningOf(s.parameter))}</td><td class="n">${fmt(s.swing)}</td><td>${s.couldFlip ? `<b>${t('sensitivity.yes')}</b>` : t('sensitivity.no')}</td></tr>`)
    .join('');
  const flips = d.swings.filter((s) => s.couldFlip).length;
  const text = t('sensitivity.flipText', {
    variant: esc(r.decision!.variant),
    against: esc(r.decision!.against),
    output: esc(outputName(output, loc)),
    mean: fmt(d.mean),
    p05: fmt(d.p05),
    p95: fmt(d.p95),
    share: loc.fixed(100 * d.shareOpposite, 0),
    swing: r.method === 'morris' ? 'μ*' : t('sensitivity.swingSobol'),
    flips: flips ? t('sensitivity.flipsSome', { n: flips }) : t('sensitivity.flipsNone'),
  });
  return `<h3>${t('sensitivity.flipTitle')}</h3>
<p>${text}</p>
<table>${headRow(loc.list('sensitivity.flipHead'))}${rows}</table>`;
}

export async function buildSensitivityReport(dir: string, loc: Locale = localize()): Promise<{ html: string; charts: string[] }> {
  const { t } = loc;
  const fmt = fmtIn(loc);
  const path = join(dir, 'sensitivity.json');
  if (!existsSync(path)) throw new UserError([`${path}: not found; run lintas sensitivity with --out ${dir} first`]);
  let r: SensitivityResult;
  try {
    r = JSON.parse(readFileSync(path, 'utf8')) as SensitivityResult;
  } catch {
    throw new UserError([`${path}: not valid JSON (cut short?); run lintas sensitivity again with --resume`]);
  }
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const charts: string[] = [];
  const sections: string[] = [];
  for (const output of r.outputs) {
    const spec = r.method === 'morris' ? morrisSpec(r, output, 12, loc) : sobolSpec(r, output, 15, loc);
    const svg = await toSvg(spec);
    const stem = `${r.method}-${output}`;
    writeFileAtomic(join(dir, 'charts', `${stem}.svg`), svg);
    writeFileAtomic(join(dir, 'charts', `${stem}.png`), svgToPng(svg));
    charts.push(join(dir, 'charts', `${stem}.png`));
    const noise = r.seedVarianceShare[output]!;
    const wild = r.method === 'sobol' && r.indices[output]!.some((x) => Number(x.S1) < -0.1 || Number(x.ST) > 1.1 || Number(x.S1) > 1.1);
    const caution = wild ? `<p class="note">${t('sensitivity.caution')}</p>` : '';
    sections.push(`<h2>${esc(title(r, output, loc))}</h2>
<p class="note">${Number.isFinite(noise) ? t('sensitivity.noise', { pct: loc.fixed(100 * noise, 0) }) : t('sensitivity.oneSeed')}</p>
${caution}<figure>${svg}</figure>
${rankingTable(r, output, 15, loc)}
${flipTable(r, output, loc)}`);
  }
  const priors = r.factors
    .map((f) => `<tr><td><code>${esc(f.path)}</code></td><td>${esc(f.distribution)}</td><td class="n">${fmt(f.lo)}</td><td class="n">${fmt(f.hi)}</td><td>${esc(f.source)}</td></tr>`)
    .join('');
  const html = `<!doctype html>
<html lang="${loc.lang}"><head><meta charset="utf-8"><title>${t('sensitivity.htmlTitle', { scenario: esc(r.scenario) })}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h2 { margin-top: 2em; border-bottom: 2px solid #ddd; } table { border-collapse: collapse; font-size: 0.88em; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; } td.n { text-align: right; white-space: nowrap; }
.note { color: #555; } .box { border: 2px solid #0072B2; padding: 0.6em 1em; background: #f3f8fc; }
</style></head><body>
<h1>${t('sensitivity.title')}</h1>
<div class="box"><p>${t('sensitivity.what', {
    method: t(r.method === 'morris' ? 'sensitivity.methodMorris' : 'sensitivity.methodSobol'),
    scenario: esc(r.scenario),
    k: r.factors.length,
    runs: loc.int(r.runs),
    replicates: r.replicates,
    scale: r.scale ? t('sensitivity.scale', { scale: r.scale }) : '',
    decision: r.decision ? t('sensitivity.decision', { variant: esc(r.decision.variant), against: esc(r.decision.against) }) : '',
  })}</p>
<p>${t(r.method === 'morris' ? 'sensitivity.aboutMorris' : 'sensitivity.aboutSobol')}</p></div>
${sections.join('\n')}
<h2>${t('sensitivity.priors')}</h2>
<table>${headRow(loc.list('sensitivity.priorsHead'))}${priors}</table>
<p class="note">${t('sensitivity.tidy', { seeds: esc(r.seeds.join(', ')) })}</p>
</body></html>
`;
  writeFileAtomic(join(dir, 'report.html'), html);
  return { html, charts };
}
