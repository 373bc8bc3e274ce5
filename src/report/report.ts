/**
 * `lintas report <dir>`: one self-contained report.html for a comparison folder — opens offline
 * (vega, vega-lite and vega-embed are inlined), with the charts, the comparison table, what
 * moved where, the scenario's parameters with their sources, and the command that reproduces
 * the run. The charts are also written as SVG and PNG under DIR/charts/.
 */
import { csvParse } from 'd3-dsv';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Comparison, WeeklyBand } from '../experiment/compare.js';
import { UserError } from '../core/errors.js';
import type { Scenario } from '../scenario/parse.js';
import { borderMapSpec, comparisonSpec, darkFigureSpec, flowsByChannelSpec, flowsByCrossingSpec } from './charts.js';
import { shownVariants } from '../experiment/table.js';
import { mapData } from './map-data.js';
import type { ParameterRow } from '../scenario/parameter-table.js';
import { costPerCaseRange, costSources, count2, howSureBox, idr2, pct2, relativeInterval, sourceKind, verdict } from './honesty.js';
import { addedKinds, crossingNames, measureLabel, metricLabel, variantDescription, variantLabels, type VariantInfo } from './labels.js';
import { OKABE_ITO } from '../model/palette.js';
import { svgToPng, toSvg } from './render.js';

const require = createRequire(import.meta.url);
const LIBS = ['vega/build/vega.min.js', 'vega-lite/build/vega-lite.min.js', 'vega-embed/build/vega-embed.min.js'];

/** A file inside an installed package, even where the package's exports map hides it. */
export function packageFile(path: string): string {
  for (const dir of require.resolve.paths(path) ?? []) if (existsSync(join(dir, path))) return join(dir, path);
  throw new Error(`cannot find ${path} in node_modules`);
}

interface ScenarioInfo {
  file: string;
  command: string;
  parameters: ParameterRow[];
  geography: Pick<Scenario, 'origins' | 'hubs' | 'crossings' | 'destinations' | 'routes' | 'closures'>;
  variants: VariantInfo[];
}

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f0 = (x: number) => Math.round(x).toLocaleString('en-US');
// Plain labels face the reader; ids stay in the data files and in tooltips (title attributes).
const signed = (x: number) => `${x > 0 ? '+' : ''}${f0(x)}`;
const pct = (x: number | null) => (x === null ? '' : `${x > 0 ? '+' : ''}${(100 * x).toFixed(1)}%`);

function read<T>(dir: string, file: string): T {
  const path = join(dir, file);
  if (!existsSync(path)) throw new UserError([`${path}: not found; run lintas compare with --out ${dir} first`]);
  return (file.endsWith('.json') ? JSON.parse(readFileSync(path, 'utf8')) : readFileSync(path, 'utf8')) as T;
}

export function readBands(csv: string): WeeklyBand[] {
  return csvParse(csv).map((r) => ({ variant: r.variant!, week: Number(r.week), date: r.date!, metric: r.metric!, mean: Number(r.mean), lo: Number(r.p05), hi: Number(r.p95) }));
}

/** The charts of a comparison, by file stem. */
export function reportCharts(c: Comparison, bands: WeeklyBand[], info: ScenarioInfo): Record<string, TopLevelSpec> {
  const base = c.variants[0]!;
  const flows = Object.fromEntries(Object.entries(base.metrics).filter(([k]) => k.startsWith('flow_')).map(([k, s]) => [k.slice(5), s.mean]));
  const kinds = Object.fromEntries(info.geography.crossings.map((x) => [x.id, x.kind]));
  const labels = { variant: variantLabels(info.variants, shownVariants(c).map((v) => v.name)), crossing: crossingNames(info.geography.crossings) };
  return {
    'comparison-trafficked': comparisonSpec(c, 'trafficked', 'Change in people trafficked against the baseline', 'lower', labels.variant),
    'comparison-identified': comparisonSpec(c, 'identified', 'Change in victims identified against the baseline', 'higher', labels.variant),
    'flows-by-crossing': flowsByCrossingSpec(c, kinds, undefined, labels),
    'border-map': borderMapSpec(mapData(info.geography as Scenario, flows)),
    'flows-by-channel': flowsByChannelSpec(bands),
    'dark-figure': darkFigureSpec(bands),
  };
}

type Labeller = (name: string) => string;

function findings(c: Comparison, label: Labeller): string {
  const base = c.variants[0]!;
  const rows = shownVariants(c).slice(1).map((v) => ({ v, rel: relativeInterval(v, base, 'trafficked'), verdict: verdict(v.metrics.trafficked) }));
  const named = (r: (typeof rows)[number]) =>
    `<b title="${esc(r.v.name)}">${esc(label(r.v.name))}</b>${r.rel ? ` (${pct2(r.rel.mean)}; interval ${pct2(r.rel.lo)} to ${pct2(r.rel.hi)})` : ''}`;
  const fewer = rows.filter((r) => r.verdict === 'lower').sort((a, b) => a.v.metrics.trafficked!.diff!.mean - b.v.metrics.trafficked!.diff!.mean);
  const unclear = rows.filter((r) => r.verdict === 'unclear');
  const more = rows.filter((r) => r.verdict === 'higher');
  const t = base.metrics.trafficked!.mean;
  const id = base.metrics.identified!.mean;
  const out = [
    `<li>In the model's baseline, ${esc(c.start)} to ${esc(c.end)}, about <b>${count2(t)}</b> people are trafficked and about <b>${count2(id)}</b> victims are identified${t > 0 ? ` (${pct2(id / t).replace('+', '')} of them)` : ''}: in the model, most victims never reach official statistics. How many are trafficked in reality is not known; the model's count rests on assumed coefficients.</li>`,
  ];
  if (fewer.length) out.push(`<li>Fewer people trafficked than in the baseline, beyond the variation between seeds (paired 95% interval below zero), if the model's assumptions hold: ${fewer.map(named).join(', ')}.</li>`);
  if (unclear.length) out.push(`<li>No change distinguishable from chance at ${c.replicates} replicates: ${unclear.map(named).join(', ')}.</li>`);
  if (more.length) out.push(`<li>More people trafficked than in the baseline (paired 95% interval above zero): ${more.map(named).join(', ')} — read "where flows moved" below.</li>`);
  return `<ul>${out.join('')}</ul>`;
}

function comparisonTable(c: Comparison, info: ScenarioInfo, label: Labeller): string {
  const head =
    '<tr><th>variant</th><th>what it is</th><th>people trafficked (mean, 95% interval)</th><th>change against the baseline (paired 95% interval)</th><th>change</th><th>victims identified: change</th><th>informal crossings: change</th><th>cost per case averted (range)</th></tr>';
  const infoOf = new Map(info.variants.map((v) => [v.name, v]));
  const baseInfo = info.variants[0];
  const rows = shownVariants(c).map((v) => {
    const t = v.metrics.trafficked!;
    const d = t.diff;
    const id = v.metrics.identified!;
    const inf = v.metrics.crossings_informal!;
    const vi = infoOf.get(v.name);
    // The short text here; the variants table below says in full what each one adds.
    const what = vi && baseInfo && vi.name === baseInfo.name ? 'the baseline: nothing added' : v.description;
    const range = costPerCaseRange(v);
    const cost = range ? `${idr2(range.lo)} – ${idr2(range.hi)}` : v.costIdr > 0 ? 'not priced: no clear reduction' : '—';
    return `<tr><td><b title="${esc(v.name)}">${esc(label(v.name))}</b></td><td>${esc(what)}</td><td>${f0(t.mean)} [${f0(t.lo)}, ${f0(t.hi)}]</td><td>${d ? `${signed(d.mean)} [${signed(d.lo)}, ${signed(d.hi)}]` : 'the reference'}</td><td>${pct(t.relativeChange)}</td><td>${pct(id.relativeChange)}</td><td>${pct(inf.relativeChange)}</td><td>${cost}</td></tr>`;
  });
  return `<table class="num">${head}${rows.join('')}</table>`;
}

/** Programme costs of each variant, where they come from, and the cost per case averted as a range. */
function costTable(c: Comparison, info: ScenarioInfo, label: Labeller): string {
  const infoOf = new Map(info.variants.map((v) => [v.name, v]));
  const baseInfo = info.variants[0];
  const rows = shownVariants(c)
    .slice(1)
    .filter((v) => v.costIdr > 0)
    .map((v) => {
      const vi = infoOf.get(v.name);
      const parts = vi && baseInfo ? costSources(vi, baseInfo) : [];
      const per = parts.map((p) => `${esc(p.kind)}: ${idr2(p.perYearIdr)} a year <span class="note">(${esc(p.source)})</span>`).join('<br>');
      const range = costPerCaseRange(v);
      return `<tr><td><b title="${esc(v.name)}">${esc(label(v.name))}</b></td><td>${per || '—'}</td><td>${idr2(v.costIdr)}</td><td>${range ? `${idr2(range.lo)} – ${idr2(range.hi)}` : 'not priced: the reduction is not clear'}</td></tr>`;
    });
  if (!rows.length) return '<p class="note">No variant of this comparison carries a programme cost.</p>';
  return `<p>Costs are what the scenario assumes a measure costs a year, over the years it is in force. The cost per trafficking case averted is the programme cost divided by the cases averted, for each end of the paired 95% interval of cases averted; it is given only where the reduction is clear. Two significant figures.</p>
<table class="num"><tr><th>variant</th><th>cost a year, and its source</th><th>programme cost over the run</th><th>cost per case averted</th></tr>${rows.join('')}</table>`;
}

/** The change of cooperation stage, by mechanism: one table per decomposition and metric. */
function decompositionTables(c: Comparison, label: Labeller): string {
  if (!c.decompositions.length) return '<p class="note">This comparison declares no decomposition of a change of stage.</p>';
  const ci = (i: { lo: number; hi: number }) => `[${signed(i.lo)}, ${signed(i.hi)}]`;
  return c.decompositions
    .map((d) => {
      const rows = d.mechanisms
        .map((m) => `<tr><td>${esc(m.label)}</td><td>${signed(m.contribution.mean)}</td><td>${ci(m.contribution)}</td><td>${m.share === null ? '' : `${(100 * m.share).toFixed(0)}%`}</td></tr>`)
        .join('');
      return `<h3>${esc(metricLabel(d.metric))}: ${esc(label(d.variant))} against ${esc(label(d.against))}</h3>
<table class="num"><tr><th>mechanism</th><th>contribution (paired mean)</th><th>95% interval</th><th>share of the change</th></tr>
<tr><td><b>total change</b></td><td><b>${signed(d.total.mean)}</b></td><td>${ci(d.total)}</td><td>100%</td></tr>${rows}
<tr><td>interactions: what the mechanisms only do together</td><td>${signed(d.interactions.mean)}</td><td>${ci(d.interactions)}</td><td>${d.total.mean ? `${((100 * d.interactions.mean) / d.total.mean).toFixed(0)}%` : ''}</td></tr></table>`;
    })
    .join('\n');
}

function moves(c: Comparison, label: Labeller, crossing: Labeller): string {
  const items = shownVariants(c)
    .slice(1)
    .map((v) => {
      const top = Object.entries(v.metrics)
        .filter(([k, s]) => k.startsWith('flow_') && s.diff && s.diff.mean !== 0)
        .sort((a, b) => Math.abs(b[1].diff!.mean) - Math.abs(a[1].diff!.mean))
        .slice(0, 3)
        .map(([k, s]) => `<span title="${esc(k.slice(5))}">${esc(crossing(k.slice(5)))}</span> ${signed(s.diff!.mean)}`);
      return `<li><b title="${esc(v.name)}">${esc(label(v.name))}</b>: ${top.join(', ') || 'no change'}</li>`;
    });
  return `<ul>${items.join('')}</ul>`;
}

export async function buildReport(dir: string): Promise<{ html: string; charts: string[] }> {
  const c = read<Comparison>(dir, 'comparison.json');
  const info = read<ScenarioInfo>(dir, 'scenario.json');
  const bands = readBands(read<string>(dir, 'weekly.csv'));
  const specs = reportCharts(c, bands, info);
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const written: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const svg = await toSvg(spec);
    writeFileSync(join(dir, 'charts', `${name}.svg`), svg);
    writeFileSync(join(dir, 'charts', `${name}.png`), svgToPng(svg));
    writeFileSync(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
    written.push(join(dir, 'charts', `${name}.png`));
  }
  const libs = LIBS.map((l) => `<script>${readFileSync(packageFile(l), 'utf8').replace(/<\/script/gi, '<\\/script')}</script>`).join('\n');
  const chart = (name: string, caption: string) => `<figure><div class="chart" id="chart-${name}" data-chart="${name}"></div><figcaption>${caption}</figcaption></figure>`;
  const KIND_WORDS = { data: 'published figure', calibrated: 'calibrated', partly: 'assumed size', assumed: 'assumption' } as const;
  const params = info.parameters
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.value)}</td><td>${p.range ? `${esc(p.range[0])} – ${esc(p.range[1])}` : ''}</td><td>${esc(p.unit)}</td><td>${esc(p.meaning)}</td><td>${KIND_WORDS[sourceKind(p.source)]}</td><td>${esc(p.source)}</td></tr>`)
    .join('');
  const label = variantLabels(info.variants, shownVariants(c).map((v) => v.name));
  const crossing = crossingNames(info.geography.crossings);
  const baseInfo = info.variants[0];
  const variants = info.variants
    .filter((v) => shownVariants(c).some((s) => s.name === v.name))
    .map(
      (v) =>
        `<tr><td><b>${esc(label(v.name))}</b><br><code class="id">${esc(v.name)}</code></td><td>${esc(baseInfo ? variantDescription(v, baseInfo) : v.description)}</td><td>${v.stages.map((s) => `${esc(s.stage)} from ${esc(s.date)}`).join('; ')}</td><td>${v.interventions.map((i) => `${esc(measureLabel(i.kind))} at ${esc(i.intensity)} from ${esc(i.start)}`).join('; ') || '—'}</td></tr>`,
    )
    .join('');
  const combined = info.variants.some((v) => baseInfo && v !== baseInfo && (addedKinds(v, baseInfo).length > 1 || v.stages.at(-1)?.stage !== baseInfo.stages.at(-1)?.stage));
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lintas — ${esc(c.scenario)}</title>
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
<h1>Interventions against trafficking on the Kalimantan border</h1>
<p class="note">lintas comparison <b>${esc(c.scenario)}</b>, ${esc(c.start)} to ${esc(c.end)}: ${shownVariants(c).length} variants × ${c.replicates} replicates, one agent = ${c.scale} persons.</p>
${howSureBox(c, info.parameters)}
<h2>What the comparison shows</h2>
${findings(c, label)}
<p>The first row is the <b>baseline</b>: the border as the scenario describes it, with nothing added. ${
    combined
      ? 'Every other variant is the baseline plus what its row says: one measure, several measures together, or a different stage of cooperation.'
      : 'Every other variant is the baseline with one measure added.'
  } Every variant runs with the same random seeds (common random numbers), so a difference against the baseline comes from the change, not from a different draw of chance; the <b>paired 95% interval</b> says how much it varies between seeds. An interval that crosses zero means no change distinguishable from chance at this number of replicates. None of these intervals covers the assumptions (see <a href="#how-sure">How sure is this?</a>).</p>
${chart('comparison-trafficked', 'Change in the number of people trafficked against the baseline, with paired 95% intervals (seed variation only). Green: fewer; vermillion: more; grey: no clear change.')}
${comparisonTable(c, info, label)}
${chart('comparison-identified', 'Change in the number of victims identified. More identified is better (green). Some measures find more victims without preventing trafficking.')}
<h2>Costs and where they come from</h2>
${costTable(c, info, label)}
<h2>What the change of cooperation stage is made of</h2>
<p>The stage of cooperation does not scale the measures: it decides how patrols, information, justice and victims cross
the line. Each mechanism is held in turn at the earlier stage while the rest move on (same seeds); what the change loses is
that mechanism's contribution. The last row is what the mechanisms achieve only together.</p>
${decompositionTables(c, label)}
<h2>Where flows moved</h2>
<p>Enforcement at one place can push people to other crossings (the "balloon" effect). The largest changes in migrant crossings (residents' short visits not counted), by crossing point:</p>
${moves(c, label, crossing)}
${chart('flows-by-crossing', 'Migrant crossings by crossing point and variant; colour: change against the baseline (blue fewer, vermillion more).')}
${chart('border-map', 'The border: posts (blue), the sea route (sky blue) and the informal crossings beside them (orange); line width: baseline migrant crossings.')}
<h2>Flows and the dark figure over time (baseline)</h2>
${chart('flows-by-channel', 'Weekly migrant crossings by channel; bands: 5–95% of replicates.')}
${chart('dark-figure', 'People trafficked (the true number, in the model) against victims identified (what official statistics see).')}
<h2>The variants</h2>
<table>${'<tr><th>variant</th><th>what it is</th><th>cooperation stage</th><th>interventions</th></tr>'}${variants}</table>
<h2 id="parameters">Parameters and their sources</h2>
<p>From <code>${esc(info.file)}</code>. "assumption" marks a value with no published figure behind it; "assumed size" a value whose direction has a published basis but whose size is assumed; "calibrated" a value tuned so the baseline reproduces observed patterns. The sources cited are described in <code>docs/sources.md</code>.</p>
<details><summary>Show all ${info.parameters.length} parameters</summary>
<table><tr><th>parameter</th><th>value</th><th>range it plausibly takes</th><th>unit</th><th>meaning</th><th>kind</th><th>source</th></tr>${params}</table></details>
<h2>Reproduce</h2>
<pre>${esc(info.command)}
lintas report ${esc(dir)}</pre>
<p class="note">Same scenario and seeds give byte-identical results. Tidy data: comparison.csv (variant, replicate, seed, metric, value), weekly.csv; statistics: comparison.json. Every file and column is described in docs/outputs.md.</p>
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
  writeFileSync(join(dir, 'report.html'), html);
  return { html, charts: written };
}
