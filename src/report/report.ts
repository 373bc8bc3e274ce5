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
  variants: { name: string; description: string; stages: { date: string; stage: string }[]; interventions: { kind: string; start: string; intensity: number }[] }[];
}

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f0 = (x: number) => Math.round(x).toLocaleString('en-US');
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
  return {
    'comparison-trafficked': comparisonSpec(c),
    'comparison-identified': comparisonSpec(c, 'identified', 'Change in victims identified against the baseline', 'higher'),
    'flows-by-crossing': flowsByCrossingSpec(c, kinds),
    'border-map': borderMapSpec(mapData(info.geography as Scenario, flows)),
    'flows-by-channel': flowsByChannelSpec(bands),
    'dark-figure': darkFigureSpec(bands),
  };
}

function findings(c: Comparison): string {
  const rows = shownVariants(c).slice(1).map((v) => ({ v, d: v.metrics.trafficked!.diff!, rel: v.metrics.trafficked!.relativeChange }));
  const fewer = rows.filter((r) => r.d.hi < 0).sort((a, b) => a.d.mean - b.d.mean);
  const more = rows.filter((r) => r.d.lo > 0);
  const unclear = rows.filter((r) => r.d.hi >= 0 && r.d.lo <= 0);
  const name = (r: (typeof rows)[number]) => `<b>${esc(r.v.name)}</b> (${pct(r.rel)})`;
  const out = [
    `<li>Over ${esc(c.start)} to ${esc(c.end)}, the baseline has about <b>${f0(c.variants[0]!.metrics.trafficked!.mean)}</b> people trafficked and <b>${f0(c.variants[0]!.metrics.identified!.mean)}</b> victims identified: most victims are never seen by official statistics.</li>`,
  ];
  if (fewer.length) out.push(`<li>Clearly fewer people trafficked (95% interval below zero): ${fewer.map(name).join(', ')}.</li>`);
  if (unclear.length) out.push(`<li>No clear change at this many replicates: ${unclear.map(name).join(', ')}.</li>`);
  if (more.length) out.push(`<li>More people trafficked (95% interval above zero): ${more.map(name).join(', ')} — read "where flows moved" below.</li>`);
  return `<ul>${out.join('')}</ul>`;
}

function comparisonTable(c: Comparison): string {
  const head = '<tr><th>variant</th><th>what it is</th><th>trafficked (mean, 95% interval)</th><th>change vs baseline (paired 95% interval)</th><th>change</th><th>identified: change</th><th>informal crossings: change</th><th>cost per case averted</th></tr>';
  const rows = shownVariants(c).map((v) => {
    const t = v.metrics.trafficked!;
    const d = t.diff;
    const id = v.metrics.identified!;
    const inf = v.metrics.crossings_informal!;
    return `<tr><td><b>${esc(v.name)}</b></td><td>${esc(v.description)}</td><td>${f0(t.mean)} [${f0(t.lo)}, ${f0(t.hi)}]</td><td>${d ? `${signed(d.mean)} [${signed(d.lo)}, ${signed(d.hi)}]` : '—'}</td><td>${pct(t.relativeChange)}</td><td>${pct(id.relativeChange)}</td><td>${pct(inf.relativeChange)}</td><td>${v.costPerTraffickingCaseAvertedIdr !== null ? `Rp ${f0(v.costPerTraffickingCaseAvertedIdr)}` : '—'}</td></tr>`;
  });
  return `<table class="num">${head}${rows.join('')}</table>`;
}

/** The change of cooperation stage, by mechanism: one table per decomposition and metric. */
function decompositionTables(c: Comparison): string {
  if (!c.decompositions.length) return '<p class="note">This comparison declares no decomposition of a change of stage.</p>';
  const ci = (i: { lo: number; hi: number }) => `[${signed(i.lo)}, ${signed(i.hi)}]`;
  return c.decompositions
    .map((d) => {
      const rows = d.mechanisms
        .map((m) => `<tr><td>${esc(m.label)}</td><td>${signed(m.contribution.mean)}</td><td>${ci(m.contribution)}</td><td>${m.share === null ? '' : `${(100 * m.share).toFixed(0)}%`}</td></tr>`)
        .join('');
      return `<h3>${esc(d.metric.replace(/_/g, ' '))}: ${esc(d.variant)} against ${esc(d.against)}</h3>
<table class="num"><tr><th>mechanism</th><th>contribution (paired mean)</th><th>95% interval</th><th>share of the change</th></tr>
<tr><td><b>total change</b></td><td><b>${signed(d.total.mean)}</b></td><td>${ci(d.total)}</td><td>100%</td></tr>${rows}
<tr><td>interactions: what the mechanisms only do together</td><td>${signed(d.interactions.mean)}</td><td>${ci(d.interactions)}</td><td>${d.total.mean ? `${((100 * d.interactions.mean) / d.total.mean).toFixed(0)}%` : ''}</td></tr></table>`;
    })
    .join('\n');
}

function moves(c: Comparison): string {
  const items = shownVariants(c).slice(1).map((v) => {
    const top = Object.entries(v.metrics)
      .filter(([k, s]) => k.startsWith('flow_') && s.diff && s.diff.mean !== 0)
      .sort((a, b) => Math.abs(b[1].diff!.mean) - Math.abs(a[1].diff!.mean))
      .slice(0, 3)
      .map(([k, s]) => `${esc(k.slice(5))} ${signed(s.diff!.mean)}`);
    return `<li><b>${esc(v.name)}</b>: ${top.join(', ') || 'no change'}</li>`;
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
  const params = info.parameters
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.value)}</td><td>${p.range ? `${esc(p.range[0])} – ${esc(p.range[1])}` : ''}</td><td>${esc(p.unit)}</td><td>${esc(p.meaning)}</td><td>${esc(p.source)}</td></tr>`)
    .join('');
  const variants = info.variants
    .map((v) => `<tr><td><b>${esc(v.name)}</b></td><td>${esc(v.description)}</td><td>${v.stages.map((s) => `${esc(s.stage)} from ${esc(s.date)}`).join('; ')}</td><td>${v.interventions.map((i) => `${esc(i.kind)} ${esc(i.intensity)} from ${esc(i.start)}`).join('; ') || '—'}</td></tr>`)
    .join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lintas — ${esc(c.scenario)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1150px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 2px solid #ddd; }
table { border-collapse: collapse; font-size: 0.9em; margin: 1em 0; } td, th { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: left; }
table.num td:nth-child(n+3) { text-align: right; white-space: nowrap; } figure { margin: 1.5em 0; } figcaption { color: #555; font-size: 0.9em; }
code, pre { background: #f4f4f4; padding: 2px 4px; } pre { padding: 0.8em; overflow-x: auto; } .note { color: #555; }
</style>
${libs}
</head><body>
<h1>Interventions against trafficking on the Kalimantan border</h1>
<p class="note">lintas comparison <b>${esc(c.scenario)}</b>, ${esc(c.start)} to ${esc(c.end)}: ${shownVariants(c).length} variants × ${c.replicates} replicates, one agent = ${c.scale} persons.</p>
<h2>What the comparison shows</h2>
${findings(c)}
<p>Each variant is the baseline with one change. Every variant runs with the same random seeds (common random numbers), so a
difference against the baseline comes from the intervention, not from chance; the <b>paired 95% interval</b> says how sure we
are of it. An interval that crosses zero means no clear effect at this number of replicates.</p>
${chart('comparison-trafficked', 'Change in the number of people trafficked against the baseline, with paired 95% intervals.')}
${comparisonTable(c)}
${chart('comparison-identified', 'Change in the number of victims identified. Some measures find more victims without preventing trafficking.')}
<h2>What the change of cooperation stage is made of</h2>
<p>The stage of cooperation does not scale the measures: it decides how patrols, information, justice and victims cross
the line. Each mechanism is held in turn at the earlier stage while the rest move on (same seeds); what the change loses is
that mechanism's contribution. The last row is what the mechanisms achieve only together.</p>
${decompositionTables(c)}
<h2>Where flows moved</h2>
<p>Enforcement at one place can push people to other crossings (the "balloon" effect). The largest changes in migrant crossings, by crossing point:</p>
${moves(c)}
${chart('flows-by-crossing', 'Migrant crossings by crossing point and variant; colour: change against the baseline.')}
${chart('border-map', 'The border: posts (blue), the sea route (cyan) and their informal twins (orange); line width: baseline migrant crossings.')}
<h2>Flows and the dark figure over time (baseline)</h2>
${chart('flows-by-channel', 'Weekly migrant crossings by channel; bands: 5–95% of replicates.')}
${chart('dark-figure', 'People trafficked (the true number) against victims identified (what official statistics see).')}
<h2>The variants</h2>
<table>${'<tr><th>variant</th><th>what it is</th><th>cooperation stage</th><th>interventions</th></tr>'}${variants}</table>
<h2>Parameters and their sources</h2>
<p>From <code>${esc(info.file)}</code>. "assumption" marks a value with no published figure behind it yet.</p>
<details><summary>Show all ${info.parameters.length} parameters</summary>
<table><tr><th>parameter</th><th>value</th><th>range it plausibly takes</th><th>unit</th><th>meaning</th><th>source</th></tr>${params}</table></details>
<h2>Reproduce</h2>
<pre>${esc(info.command)}
lintas report ${esc(dir)}</pre>
<p class="note">Same scenario and seeds give byte-identical results. Tidy data: comparison.csv (variant, replicate, seed, metric, value), weekly.csv; statistics: comparison.json.</p>
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
