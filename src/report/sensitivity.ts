/**
 * The report of a sensitivity analysis (`lintas sensitivity`, or `lintas report DIR` on its
 * folder): which assumptions matter for each output, in charts a reader knows from SALib and the
 * EMA Workbench — Morris μ*–σ, Sobol' S1/ST bars with bootstrap intervals — and, for a decision
 * output, a table of the parameters that could reverse the decision on their own. Charts are
 * inline SVG, so report.html opens offline; they are also written under DIR/charts/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../core/errors.js';
import type { SensitivityResult } from '../experiment/sensitivity/analysis.js';
import { CORE_PARAMS } from '../model/parameters.js';
import { OKABE_ITO } from '../model/palette.js';
import { FONT } from './charts.js';
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
export function morrisSpec(r: SensitivityResult, output: string, label = 12): TopLevelSpec {
  const rows = [...r.indices[output]!].sort((a, b) => Number(b.muStar) - Number(a.muStar));
  const values = rows.map((x, i) => ({ parameter: shortName(String(x.parameter)), muStar: Number(x.muStar), sigma: Number(x.sigma) || 0, top: i < label }));
  const max = Math.max(1e-12, ...values.map((v) => Math.max(v.muStar, v.sigma)));
  return {
    $schema: SCHEMA,
    title: { text: `Morris screening: ${title(r, output)}`, subtitle: 'right: more influence (μ*); up: more non-linear or interacting (σ); dashed: σ = μ*' },
    width: 560,
    height: 360,
    config,
    layer: [
      { data: { values: [{ a: 0, b: 0 }, { a: max, b: max }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#999' }, encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } } },
      {
        data: { values },
        mark: { type: 'circle', size: 60, opacity: 0.8 },
        encoding: {
          x: { field: 'muStar', type: 'quantitative', title: 'μ* (mean absolute elementary effect, output units)' },
          y: { field: 'sigma', type: 'quantitative', title: 'σ (spread of the elementary effects)' },
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
export function sobolSpec(r: SensitivityResult, output: string, top = 15): TopLevelSpec {
  const rows = [...r.indices[output]!].sort((a, b) => Number(b.ST) - Number(a.ST)).slice(0, top);
  const values = rows.flatMap((x) => [
    { parameter: shortName(String(x.parameter)), index: 'S1 (alone)', value: Number(x.S1), lo: Number(x.S1lo), hi: Number(x.S1hi) },
    { parameter: shortName(String(x.parameter)), index: 'ST (with interactions)', value: Number(x.ST), lo: Number(x.STlo), hi: Number(x.SThi) },
  ]);
  const order = rows.map((x) => shortName(String(x.parameter)));
  return {
    $schema: SCHEMA,
    title: { text: `Sobol' indices: ${title(r, output)}`, subtitle: 'share of the output\'s variance; bars: estimate, whiskers: bootstrap 95% interval' },
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
      { mark: { type: 'bar', clip: true }, encoding: { x: { field: 'value', type: 'quantitative', title: 'index (share of variance)', scale: { domain: [-0.1, 1.1] } } } },
      { mark: { type: 'rule', color: '#333', clip: true }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
    ],
  } as TopLevelSpec;
}

function title(r: SensitivityResult, output: string): string {
  const name = output.replace(/_/g, ' ');
  return r.decision ? `${name}, ${r.decision.variant} − ${r.decision.against}` : name;
}

const fmt = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString()) : '—');

function rankingTable(r: SensitivityResult, output: string, top = 15): string {
  const key = r.method === 'morris' ? 'muStar' : 'ST';
  const rows = [...r.indices[output]!].sort((a, b) => Number(b[key]) - Number(a[key])).slice(0, top);
  const head =
    r.method === 'morris'
      ? '<tr><th>parameter</th><th>meaning</th><th>μ*</th><th>μ* 95% interval</th><th>σ</th><th>μ</th></tr>'
      : '<tr><th>parameter</th><th>meaning</th><th>S1</th><th>S1 95% interval</th><th>ST</th><th>ST 95% interval</th></tr>';
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

function flipTable(r: SensitivityResult, output: string): string {
  const d = r.decisions[output];
  if (!d) return '';
  const rows = d.swings
    .slice(0, 15)
    .map((s) => `<tr><td><code>${esc(shortName(s.parameter))}</code></td><td>${esc(meaningOf(s.parameter))}</td><td class="n">${fmt(s.swing)}</td><td>${s.couldFlip ? '<b>yes</b>' : 'no'}</td></tr>`)
    .join('');
  const flips = d.swings.filter((s) => s.couldFlip).length;
  return `<h3>What could flip the decision</h3>
<p>Over the whole design, ${esc(r.decision!.variant)} − ${esc(r.decision!.against)} in ${esc(output.replace(/_/g, ' '))} averages <b>${fmt(d.mean)}</b>
(5% to 95% of design points: ${fmt(d.p05)} to ${fmt(d.p95)}); it has the opposite sign at <b>${(100 * d.shareOpposite).toFixed(0)}%</b> of the design points.
A parameter's <i>swing</i> is how far the decision moves when that parameter alone moves from one end of its prior to the other
(${r.method === 'morris' ? 'μ*' : 'three times the mean change when it alone is redrawn'}). From the middle of its range an end is half a swing away:
where half the swing exceeds the mean, that parameter alone could reverse the decision (if its effect is roughly linear):
${flips ? `<b>${flips}</b> parameter(s) can.` : 'none can.'}</p>
<table><tr><th>parameter</th><th>meaning</th><th>swing</th><th>could flip alone</th></tr>${rows}</table>`;
}

export async function buildSensitivityReport(dir: string): Promise<{ html: string; charts: string[] }> {
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
    const spec = r.method === 'morris' ? morrisSpec(r, output) : sobolSpec(r, output);
    const svg = await toSvg(spec);
    const stem = `${r.method}-${output}`;
    writeFileSync(join(dir, 'charts', `${stem}.svg`), svg);
    writeFileSync(join(dir, 'charts', `${stem}.png`), svgToPng(svg));
    charts.push(join(dir, 'charts', `${stem}.png`));
    const noise = r.seedVarianceShare[output]!;
    const wild = r.method === 'sobol' && r.indices[output]!.some((x) => Number(x.S1) < -0.1 || Number(x.ST) > 1.1 || Number(x.S1) > 1.1);
    const caution = wild ? '<p class="note"><b>Too few samples:</b> some estimates lie outside 0–1, where no share of variance can be; increase --samples (a power of two) before reading the ranking.</p>' : '';
    sections.push(`<h2>${esc(title(r, output))}</h2>
<p class="note">${Number.isFinite(noise) ? `Seed noise is ${(100 * noise).toFixed(0)}% of the variance of single runs; the rest comes from the parameters.` : 'One seed per design point: seed noise is mixed into the indices (use --replicates 2 or more to measure it).'}</p>
${caution}<figure>${svg}</figure>
${rankingTable(r, output)}
${flipTable(r, output)}`);
  }
  const priors = r.factors
    .map((f) => `<tr><td><code>${esc(f.path)}</code></td><td>${esc(f.distribution)}</td><td class="n">${fmt(f.lo)}</td><td class="n">${fmt(f.hi)}</td><td>${esc(f.source)}</td></tr>`)
    .join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lintas sensitivity — ${esc(r.scenario)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h2 { margin-top: 2em; border-bottom: 2px solid #ddd; } table { border-collapse: collapse; font-size: 0.88em; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; } td.n { text-align: right; white-space: nowrap; }
.note { color: #555; } .box { border: 2px solid #0072B2; padding: 0.6em 1em; background: #f3f8fc; }
</style></head><body>
<h1>Which assumptions matter?</h1>
<div class="box"><p><b>What this is.</b> A ${r.method === 'morris' ? 'Morris elementary-effects screening' : "Sobol' variance decomposition (Saltelli design)"} of
<b>${esc(r.scenario)}</b> over ${r.factors.length} parameters, ${r.runs.toLocaleString('en-US')} runs (${r.replicates} seed(s) per design point${r.scale ? `, one agent = ${r.scale} persons` : ''}).
Each parameter varies over its prior (table at the end): the plausible range its source allows. The indices rank parameters by how much the outputs
depend on them <i>within those ranges</i>; they do not say which values are right — that is calibration's job.
${r.decision ? `The outputs are a <b>decision</b>: ${esc(r.decision.variant)} minus ${esc(r.decision.against)}, with the same seeds in both (common random numbers).` : ''}</p>
<p>${r.method === 'morris' ? 'Morris screens many parameters cheaply: μ* ranks them; its intervals come from resampling trajectories, so with few trajectories the order of close parameters is uncertain.' : 'Sobol\' S1 is the share of variance a parameter explains alone, ST with all its interactions; intervals are bootstrap 95% over design rows.'}</p></div>
${sections.join('\n')}
<h2>Priors</h2>
<table><tr><th>path</th><th>distribution</th><th>low</th><th>high</th><th>why this range</th></tr>${priors}</table>
<p class="note">Tidy data: sensitivity.csv (method, output, parameter, index, value), design.csv (the parameter values of each design point),
points.csv (each point's mean outputs), runs.jsonl (every run). Seeds: ${esc(r.seeds.join(', '))}.</p>
</body></html>
`;
  writeFileSync(join(dir, 'report.html'), html);
  return { html, charts };
}
