/**
 * `lintas report <dir>`: one self-contained report.html for a comparison folder — opens offline
 * (vega, vega-lite and vega-embed are inlined), with the charts, the comparison table, what
 * moved where, the scenario's parameters with their sources, and the command that reproduces
 * the run. The charts are also written as SVG and PNG under DIR/charts/.
 */
import { calibrationCharts, calibrationSection } from './calibration.js';
import { csvParse } from 'd3-dsv';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/atomic.js';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Comparison, WeeklyBand } from '../experiment/compare.js';
import type { Figure } from '../experiment/decompose.js';
import { UserError } from '../core/errors.js';
import type { Scenario } from '../scenario/parse.js';
import { borderMapSpec, comparisonSpec, darkFigureSpec, flowsByChannelSpec, flowsByCrossingSpec } from './charts.js';
import { sharePercent, shownVariants } from '../experiment/table.js';
import { mapData } from './map-data.js';
import type { ParameterRow } from '../scenario/parameter-table.js';
import { costPerCaseRange, costSources, count2, howSureBox, idr2, pct2, relativeInterval, sourceKind, verdict } from './honesty.js';
import { addedKinds, crossingNames, measureLabel, metricLabel, stageLabel, variantDescription, variantLabels, type VariantInfo } from './labels.js';
import { localize, type Locale } from '../i18n/index.js';
import { OKABE_ITO } from './palette.js';
import { svgToPngAsync, toSvg } from './render.js';

const require = createRequire(import.meta.url);
const LIBS = ['vega/build/vega.min.js', 'vega-lite/build/vega-lite.min.js', 'vega-embed/build/vega-embed.min.js'];

/** A file inside an installed package, even where the package's exports map hides it. */
export function packageFile(path: string): string {
  for (const dir of require.resolve.paths(path) ?? []) if (existsSync(join(dir, path))) return join(dir, path);
  throw new Error(`cannot find ${path} in node_modules`);
}

export interface ScenarioInfo {
  file: string;
  command: string;
  parameters: ParameterRow[];
  geography: Pick<Scenario, 'origins' | 'hubs' | 'crossings' | 'destinations' | 'routes' | 'closures'>;
  variants: VariantInfo[];
}

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Plain labels face the reader; ids stay in the data files and in tooltips (title attributes).

export function read<T>(dir: string, file: string): T {
  const path = join(dir, file);
  if (!existsSync(path)) throw new UserError([`${path}: not found; run lintas compare with --out ${dir} first`]);
  return (file.endsWith('.json') ? JSON.parse(readFileSync(path, 'utf8')) : readFileSync(path, 'utf8')) as T;
}

/** Parses the text of a comparison's weekly.csv into WeeklyBand rows (mean and 5–95% band per variant, week and metric). */
export function readBands(csv: string): WeeklyBand[] {
  return csvParse(csv).map((r) => ({ variant: r.variant!, week: Number(r.week), date: r.date!, metric: r.metric!, mean: Number(r.mean), lo: Number(r.p05), hi: Number(r.p95) }));
}

/** The charts of a comparison, by file stem. */
export function reportCharts(c: Comparison, bands: WeeklyBand[], info: ScenarioInfo, loc: Locale = localize()): Record<string, TopLevelSpec> {
  const { t } = loc;
  const base = c.variants[0]!;
  const flows = Object.fromEntries(Object.entries(base.metrics).filter(([k]) => k.startsWith('flow_')).map(([k, s]) => [k.slice(5), s.mean]));
  const kinds = Object.fromEntries(info.geography.crossings.map((x) => [x.id, x.kind]));
  const labels = { variant: variantLabels(info.variants, shownVariants(c).map((v) => v.name), loc), crossing: crossingNames(info.geography.crossings) };
  return {
    'comparison-trafficked': comparisonSpec(c, 'trafficked', t('chart.comparisonTrafficked'), 'lower', labels.variant, loc),
    'comparison-identified': comparisonSpec(c, 'identified', t('chart.comparisonIdentified'), 'higher', labels.variant, loc),
    'flows-by-crossing': flowsByCrossingSpec(c, kinds, undefined, labels, loc),
    'border-map': borderMapSpec(mapData(info.geography as Scenario, flows), undefined, loc),
    'flows-by-channel': flowsByChannelSpec(bands, 'baseline', loc),
    'dark-figure': darkFigureSpec(bands, 'baseline', loc),
  };
}

type Labeller = (name: string) => string;

export function findings(c: Comparison, label: Labeller, loc: Locale = localize()): string {
  const { t } = loc;
  const base = c.variants[0]!;
  const rows = shownVariants(c).slice(1).map((v) => ({ v, rel: relativeInterval(v, base, 'trafficked'), verdict: verdict(v.metrics.trafficked) }));
  const named = (r: (typeof rows)[number]) =>
    `<b title="${esc(r.v.name)}">${esc(label(r.v.name))}</b>${r.rel ? t('report.findings.interval', { mean: pct2(r.rel.mean, loc), lo: pct2(r.rel.lo, loc), hi: pct2(r.rel.hi, loc) }) : ''}`;
  const fewer = rows.filter((r) => r.verdict === 'lower').sort((a, b) => a.v.metrics.trafficked!.diff!.mean - b.v.metrics.trafficked!.diff!.mean);
  const unclear = rows.filter((r) => r.verdict === 'unclear');
  const more = rows.filter((r) => r.verdict === 'higher');
  const tr = base.metrics.trafficked!.mean;
  const id = base.metrics.identified!.mean;
  const out = [
    t('report.findings.baseline', {
      start: esc(loc.date(c.start)),
      end: esc(loc.date(c.end)),
      trafficked: count2(tr, loc),
      identified: count2(id, loc),
      share: tr > 0 ? t('report.findings.share', { pct: pct2(id / tr, loc).replace('+', '') }) : '',
    }),
  ];
  if (fewer.length) out.push(t('report.findings.fewer', { names: fewer.map(named).join(', ') }));
  if (unclear.length) out.push(t('report.findings.unclear', { replicates: c.replicates, names: unclear.map(named).join(', ') }));
  if (more.length) out.push(t('report.findings.more', { names: more.map(named).join(', ') }));
  return `<ul>${out.map((li) => `<li>${li}</li>`).join('')}</ul>`;
}

const headRow = (cells: string[]) => `<tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`;

function comparisonTable(c: Comparison, info: ScenarioInfo, label: Labeller, loc: Locale): string {
  const { t, int: f0, signed, pct1: pct } = loc;
  const head = headRow(loc.list('report.table.head'));
  const infoOf = new Map(info.variants.map((v) => [v.name, v]));
  const baseInfo = info.variants[0];
  const rows = shownVariants(c).map((v) => {
    const tr = v.metrics.trafficked!;
    const d = tr.diff;
    const id = v.metrics.identified!;
    const inf = v.metrics.crossings_informal!;
    const vi = infoOf.get(v.name);
    // The short text here; the variants table below says in full what each one adds.
    const what = vi && baseInfo && vi.name === baseInfo.name ? t('report.table.baselineWhat') : v.description;
    const range = costPerCaseRange(v);
    const cost = range ? `${idr2(range.lo, loc)} – ${idr2(range.hi, loc)}` : v.costIdr > 0 ? t('report.table.notPriced') : '—';
    return `<tr><td><b title="${esc(v.name)}">${esc(label(v.name))}</b></td><td>${esc(what)}</td><td>${f0(tr.mean)} [${f0(tr.lo)}, ${f0(tr.hi)}]</td><td>${d ? `${signed(d.mean)} [${signed(d.lo)}, ${signed(d.hi)}]` : t('report.table.reference')}</td><td>${pct(tr.relativeChange)}</td><td>${pct(id.relativeChange)}</td><td>${pct(inf.relativeChange)}</td><td>${cost}</td></tr>`;
  });
  return `<table class="num">${head}${rows.join('')}</table>`;
}

/** Programme costs of each variant, where they come from, and the cost per case averted as a range. */
function costTable(c: Comparison, info: ScenarioInfo, label: Labeller, loc: Locale): string {
  const { t } = loc;
  const infoOf = new Map(info.variants.map((v) => [v.name, v]));
  const baseInfo = info.variants[0];
  const rows = shownVariants(c)
    .slice(1)
    .filter((v) => v.costIdr > 0)
    .map((v) => {
      const vi = infoOf.get(v.name);
      const parts = vi && baseInfo ? costSources(vi, baseInfo, loc) : [];
      const per = parts.map((p) => `${esc(p.kind)}: ${t('money.perYear', { amount: idr2(p.perYearIdr, loc) })} <span class="note">(${esc(p.source)})</span>`).join('<br>');
      const range = costPerCaseRange(v);
      return `<tr><td><b title="${esc(v.name)}">${esc(label(v.name))}</b></td><td>${per || '—'}</td><td>${idr2(v.costIdr, loc)}</td><td>${range ? `${idr2(range.lo, loc)} – ${idr2(range.hi, loc)}` : t('report.cost.notPriced')}</td></tr>`;
    });
  if (!rows.length) return `<p class="note">${t('report.cost.none')}</p>`;
  return `<p>${t('report.cost.intro')}</p>
<table class="num">${headRow(loc.list('report.cost.head'))}${rows.join('')}</table>`;
}

/**
 * The change of cooperation stage, by mechanism: one table per decomposition and metric, each
 * mechanism's Shapley value with its interval and share (shares only where the total is clear).
 */
export function decompositionTables(c: Comparison, label: Labeller, loc: Locale = localize()): string {
  const { t, signed } = loc;
  if (!c.decompositions.length) return `<p class="note">${t('report.decompose.none')}</p>`;
  const ci = (i: { lo: number; hi: number }) => `[${signed(i.lo)}, ${signed(i.hi)}]`;
  // A share is given only where the total is clear (a note says so otherwise).
  const share = (f: Figure) => (f.share === null ? '' : sharePercent(f.share, loc));
  const row = (name: string, f: Figure, bold = false) => {
    const b = (x: string) => (bold ? `<b>${x}</b>` : x);
    const unclear = f.clear ? '' : `<br><span class="note">${t('report.decompose.notDistinguishable')}</span>`;
    return `<tr><td>${b(name)}${unclear}</td><td>${b(signed(f.value.mean))}</td><td>${ci(f.value)}</td><td>${share(f)}</td></tr>`;
  };
  return c.decompositions
    .map((d) => {
      const mechanisms = d.mechanisms
        .map((m) => row(esc(m.mechanism === 'others' ? t('report.decompose.others', { mechanisms: m.mechanisms.join(', ') }) : m.label), m))
        .join('');
      const notStage = d.notStage
        ? row(t('report.decompose.stageChange'), d.stageChange) +
          row(t('report.decompose.notStage', { variant: esc(label(d.variant)), stage: esc(stageLabel(d.heldAt, loc)), against: esc(label(d.against)) }), d.notStage)
        : '';
      const unclear = d.total.share === null ? `<p class="note">${t('report.decompose.sharesNotClear')}</p>` : '';
      return `<h3>${t('report.decompose.title', { metric: esc(metricLabel(d.metric, loc)), variant: esc(label(d.variant)), against: esc(label(d.against)) })}</h3>
<p class="note">${t('report.decompose.method', { coalitions: d.coalitions })}</p>${unclear}
<table class="num">${headRow(loc.list('report.decompose.head'))}
${row(t('report.decompose.total'), d.total, true)}${notStage}${mechanisms}</table>`;
    })
    .join('\n');
}

export function moves(c: Comparison, label: Labeller, crossing: Labeller, loc: Locale = localize()): string {
  const { signed } = loc;
  const items = shownVariants(c)
    .slice(1)
    .map((v) => {
      const top = Object.entries(v.metrics)
        .filter(([k, s]) => k.startsWith('flow_') && s.diff && s.diff.mean !== 0)
        .sort((a, b) => Math.abs(b[1].diff!.mean) - Math.abs(a[1].diff!.mean))
        .slice(0, 3)
        .map(([k, s]) => `<span title="${esc(k.slice(5))}">${esc(crossing(k.slice(5)))}</span> ${signed(s.diff!.mean)}`);
      return `<li><b title="${esc(v.name)}">${esc(label(v.name))}</b>: ${top.join(', ') || loc.t('report.noChange')}</li>`;
    });
  return `<ul>${items.join('')}</ul>`;
}

export async function buildReport(dir: string, loc: Locale = localize()): Promise<{ html: string; charts: string[] }> {
  const { t } = loc;
  const c = read<Comparison>(dir, 'comparison.json');
  const info = read<ScenarioInfo>(dir, 'scenario.json');
  const bands = readBands(read<string>(dir, 'weekly.csv'));
  const specs = { ...reportCharts(c, bands, info, loc), ...calibrationCharts(c, loc) };
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const written: string[] = [];
  const pngs: Promise<void>[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const svg = await toSvg(spec);
    writeFileAtomic(join(dir, 'charts', `${name}.svg`), svg);
    // Drawn while the next chart is laid out; written before the report returns.
    pngs.push(svgToPngAsync(svg).then((png) => writeFileAtomic(join(dir, 'charts', `${name}.png`), png)));
    writeFileAtomic(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
    written.push(join(dir, 'charts', `${name}.png`));
  }
  await Promise.all(pngs);
  const libs = LIBS.map((l) => `<script>${readFileSync(packageFile(l), 'utf8').replace(/<\/script/gi, '<\\/script')}</script>`).join('\n');
  const chart = (name: string, caption: string) => `<figure><div class="chart" id="chart-${name}" data-chart="${name}"></div><figcaption>${caption}</figcaption></figure>`;
  const params = info.parameters
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.value)}</td><td>${p.range ? `${esc(p.range[0])} – ${esc(p.range[1])}` : ''}</td><td>${esc(p.unit)}</td><td>${esc(p.meaning)}</td><td>${t(`report.kind.${sourceKind(p.source)}`)}</td><td>${esc(p.source)}</td></tr>`)
    .join('');
  const label = variantLabels(info.variants, shownVariants(c).map((v) => v.name), loc);
  const crossing = crossingNames(info.geography.crossings);
  const baseInfo = info.variants[0];
  const variants = info.variants
    .filter((v) => shownVariants(c).some((s) => s.name === v.name))
    .map(
      (v) =>
        `<tr><td><b>${esc(label(v.name))}</b><br><code class="id">${esc(v.name)}</code></td><td>${esc(baseInfo ? variantDescription(v, baseInfo, loc) : v.description)}</td><td>${v.stages.map((s) => t('report.stageFrom', { stage: esc(stageLabel(s.stage, loc)), date: esc(loc.date(s.date)) })).join('; ')}</td><td>${v.interventions.map((i) => t('report.measureAt', { measure: esc(measureLabel(i.kind, loc)), intensity: esc(loc.num(i.intensity)), start: esc(loc.date(i.start)) })).join('; ') || '—'}</td></tr>`,
    )
    .join('');
  const combined = info.variants.some((v) => baseInfo && v !== baseInfo && (addedKinds(v, baseInfo).length > 1 || v.stages.at(-1)?.stage !== baseInfo.stages.at(-1)?.stage));
  const html = `<!doctype html>
<html lang="${loc.lang}"><head><meta charset="utf-8"><title>${t('report.htmlTitle', { scenario: esc(c.scenario) })}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1150px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 2px solid #ddd; }
table { border-collapse: collapse; font-size: 0.9em; margin: 1em 0; } td, th { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: left; }
table.num td:nth-child(n+3) { text-align: right; white-space: nowrap; } table.num td:nth-child(2) { min-width: 14em; } figure { margin: 1.5em 0; } figcaption { color: #555; font-size: 0.9em; }
code, pre { background: #f4f4f4; padding: 2px 4px; } pre { padding: 0.8em; overflow-x: auto; } .note { color: #555; } code.id { font-size: 0.8em; color: #555; }
.how-sure { border: 3px solid ${OKABE_ITO.blue}; border-radius: 6px; padding: 0.2em 1.2em 0.6em; margin: 1em 0 2em; background: #f3f8fc; }
.how-sure h2 { margin-top: 0.6em; border: none; } .how-sure li { margin: 0.4em 0; }
.warning { border-left: 6px solid ${OKABE_ITO.vermillion}; background: #fff4e5; padding: 0.5em 0.8em; }
</style>
${libs}
</head><body>
<h1>${t('report.title')}</h1>
<p class="note">${t('report.meta', { scenario: esc(c.scenario), start: esc(loc.date(c.start)), end: esc(loc.date(c.end)), variants: shownVariants(c).length, replicates: c.replicates, scale: c.scale })}</p>
${howSureBox(c, info.parameters, loc)}
<h2>${t('report.shows')}</h2>
${findings(c, label, loc)}
<p>${t('report.baselineIntro')} ${combined ? t('report.combined') : t('report.single')} ${t('report.paired')}</p>
${chart('comparison-trafficked', t('report.captionTrafficked'))}
${comparisonTable(c, info, label, loc)}
${chart('comparison-identified', t('report.captionIdentified'))}
<h2>${t('report.costs')}</h2>
${costTable(c, info, label, loc)}
<h2>${t('report.decomposition')}</h2>
<p>${t('report.decompositionIntro')}</p>
${decompositionTables(c, label, loc)}
<h2>${t('report.moved')}</h2>
<p>${t('report.movedIntro')}</p>
${moves(c, label, crossing, loc)}
${chart('flows-by-crossing', t('report.captionFlowsByCrossing'))}
${chart('border-map', t('report.captionMap'))}
<h2>${t('report.overTime')}</h2>
${chart('flows-by-channel', t('report.captionChannels'))}
${chart('dark-figure', t('report.captionDark'))}
${calibrationSection(c, chart, loc)}
<h2>${t('report.variants')}</h2>
<table>${headRow(loc.list('report.variantsHead'))}${variants}</table>
<h2 id="parameters">${t('report.parameters')}</h2>
<p>${t('report.parametersIntro', { file: esc(info.file) })}</p>
<details><summary>${t('report.showAll', { n: info.parameters.length })}</summary>
<table>${headRow(loc.list('report.parametersHead'))}${params}</table></details>
<h2>${t('report.reproduce')}</h2>
<pre>${esc(info.command)}
lintas report ${esc(dir)}${loc.lang === 'en' ? '' : ` --lang ${loc.lang}`}</pre>
<p class="note">${t('report.reproduceNote')}</p>
<script>
const SPECS = ${JSON.stringify(specs).replace(/</g, '\\u003c')};
window.__charts = { expected: Object.keys(SPECS).length, rendered: 0, failed: [] };
for (const [name, spec] of Object.entries(SPECS)) {
  vegaEmbed('#chart-' + name, spec, { actions: { export: true, source: false, compiled: false, editor: false } })
    .then(() => { window.__charts.rendered++; })
    .catch((e) => { window.__charts.failed.push(name + ': ' + e.message); });
}
</script>
</body></html>
`;
  writeFileAtomic(join(dir, 'report.html'), html);
  return { html, charts: written };
}
