/**
 * The report of a decision (`lintas decide`, or `lintas report DIR` on its folder): decide.html,
 * in the reader's language. Four sections, each with a plain-words reading of its numbers: the
 * portfolios against their cost (the Pareto front, the probability that each is best), robustness
 * (the best on average against the least maximum regret, and what separates them), scenario
 * discovery (the PRIM box and a CART tree of the draws in which the main decision fails its goal),
 * and the value of information (EVPI, EVPPI per parameter). A box at the top says what the draws
 * cover and what they leave fixed. Charts are inline SVG, also written under DIR/charts/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../core/errors.js';
import { GROUP_DRAWS } from '../experiment/decide/analysis.js';
import type { DecideResult } from '../experiment/decide/decide.js';
import { localize, type Locale } from '../i18n/index.js';
import { BUILTIN, textIn } from '../model/interventions/index.js';
import { CORE_PARAMS } from '../model/parameters.js';
import { FONT } from './charts.js';
import { OKABE_ITO } from './palette.js';
import { svgToPng, toSvg } from './render.js';

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const config = { font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, title: { fontSize: 14, anchor: 'start' as const } };
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const headRow = (cells: string[]) => `<tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`;
const short = (path: string) => path.replace(/^params\./, '');
const meaningOf = (path: string) => (CORE_PARAMS as Record<string, { meaning: string }>)[short(path)]?.meaning ?? '';

/** A decision as a reader names it: a portfolio's measures by their labels in the language (½ for half intensity), or the variant's name. */
export function decisionLabel(d: DecideResult['decisions'][number], loc: Locale): string {
  if (!d.measures) return d.name;
  if (!d.measures.length) return loc.t('decide.baseline');
  return d.measures
    .map((m) => {
      const def = BUILTIN.byKind.get(m.kind);
      const label = def ? textIn(def.label, loc.lang) : m.kind;
      return m.intensity === 1 ? label : `${label} (${loc.num(m.intensity)})`;
    })
    .join(' + ');
}

const num = (loc: Locale) => (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? loc.int(x) : loc.num(Number(x.toPrecision(2)))) : '—');
const pct = (loc: Locale) => (x: number) => `${loc.fixed(100 * x, 0)}%`;

/** Cost a year against mean cases averted, 5–95% whiskers, the Pareto front as a line. */
export function frontSpec(r: DecideResult, loc: Locale): TopLevelSpec {
  const { t } = loc;
  const values = r.decisions.map((d) => ({
    decision: decisionLabel(d, loc),
    cost: d.costPerYearIdr / 1e9,
    mean: d.mean,
    lo: d.p05,
    hi: d.p95,
    pareto: d.pareto,
    budget: d.withinBudget ? t('decide.chartEligible') : t('decide.chartOver'),
  }));
  const front = values.filter((v) => v.pareto).sort((a, b) => a.cost - b.cost);
  const x = { field: 'cost', type: 'quantitative' as const, title: t('decide.chartCost') };
  return {
    $schema: SCHEMA,
    title: { text: t('decide.chartFront'), subtitle: t('decide.chartFrontSub').split('; ') },
    width: 560,
    height: 340,
    config,
    layer: [
      { data: { values }, mark: { type: 'rule', opacity: 0.35, color: '#666' }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
      { data: { values: front }, mark: { type: 'line', color: OKABE_ITO.vermillion, strokeWidth: 1.5 }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
      {
        data: { values },
        mark: { type: 'circle', size: 50, opacity: 0.85 },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', title: t('decide.chartAverted') },
          color: { field: 'budget', type: 'nominal', title: null, scale: { range: [OKABE_ITO.blue, '#999'] }, legend: { orient: 'bottom' } },
          tooltip: [{ field: 'decision' }, { field: 'cost', format: ',.3~g' }, { field: 'mean', format: ',.0f' }, { field: 'lo', format: ',.0f' }, { field: 'hi', format: ',.0f' }],
        },
      },
    ],
  } as TopLevelSpec;
}

/** The peeling trajectory of the first PRIM box: coverage against density, the chosen step ringed. */
export function primSpec(r: DecideResult, loc: Locale): TopLevelSpec {
  const { t } = loc;
  const box = r.prim!.boxes[0]!;
  const values = box.trajectory.map((s, i) => ({ coverage: s.coverage, density: s.density, restricted: s.restricted, step: i, chosen: i === box.selected }));
  const enc = { x: { field: 'coverage', type: 'quantitative' as const, title: t('decide.chartCoverage'), scale: { domain: [0, 1] } }, y: { field: 'density', type: 'quantitative' as const, title: t('decide.chartDensity'), scale: { domain: [0, 1] } } };
  return {
    $schema: SCHEMA,
    title: { text: t('decide.chartPrim'), subtitle: t('decide.chartPrimSub').split('; ') },
    width: 420,
    height: 320,
    config,
    layer: [
      { data: { values }, mark: { type: 'line', color: '#999' }, encoding: { ...enc, order: { field: 'step', type: 'quantitative' } } },
      {
        data: { values },
        mark: { type: 'circle', size: 55 },
        encoding: { ...enc, color: { field: 'restricted', type: 'ordinal', title: t('decide.chartRestricted'), scale: { scheme: 'viridis' } }, tooltip: [{ field: 'step' }, { field: 'coverage', format: '.2f' }, { field: 'density', format: '.2f' }] },
      },
      { data: { values: values.filter((v) => v.chosen) }, mark: { type: 'point', size: 260, color: OKABE_ITO.vermillion, strokeWidth: 2 }, encoding: enc },
    ],
  } as TopLevelSpec;
}

/** EVPPI per parameter as bars with a tick at each parameter's noise level, and the EVPI as a line. */
export function voiSpec(r: DecideResult, loc: Locale): TopLevelSpec {
  const { t } = loc;
  const values = r.voi.evppi.map((e) => ({ parameter: short(e.parameter), value: e.value, noise: e.noise, source: e.source === 'posterior' ? t('decide.fromPosterior') : t('decide.fromPrior') }));
  const y = { field: 'parameter', type: 'nominal' as const, sort: values.map((v) => v.parameter), title: null };
  const scale = { domainMin: 0, domainMax: Math.max(r.voi.evpi, 1e-9) };
  return {
    $schema: SCHEMA,
    title: { text: t('decide.chartVoi'), subtitle: t('decide.chartVoiSub').split('; ') },
    width: 440,
    config,
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative', title: t('decide.chartVoiX'), scale },
          color: { field: 'source', type: 'nominal', title: null, scale: { range: [OKABE_ITO.blue, OKABE_ITO.orange] }, legend: { orient: 'bottom' } },
        },
      },
      { data: { values }, mark: { type: 'tick', color: '#222', thickness: 2 }, encoding: { y, x: { field: 'noise', type: 'quantitative', scale } } },
      { data: { values: [{ v: r.voi.evpi }] }, mark: { type: 'rule', color: '#222' }, encoding: { x: { field: 'v', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}

function header(r: DecideResult, loc: Locale): string {
  const { t } = loc;
  const k = r.uncertainty.parameters.length;
  const post = r.uncertainty.posterior;
  const nPost = r.uncertainty.parameters.filter((p) => p.source === 'posterior').length;
  const sources = [
    post ? t('decide.sourcePosterior', { k: nPost, file: esc(post.file), particles: post.particles }) : '',
    r.uncertainty.priors.length ? t('decide.sourcePriors', { k: r.uncertainty.priors.length }) : '',
  ].filter(Boolean);
  const params = r.uncertainty.parameters.map((p) => `<code>${esc(short(p.path))}</code>`).join(', ');
  return `<div class="box"><p>${t('decide.what', {
    n: r.decisions.length,
    scenario: esc(r.scenario),
    mode: r.mode === 'menu' ? t('decide.modeMenu', { k: r.search!.measures.length }) : t('decide.modeVariants'),
    draws: r.draws,
    weeks: r.weeks,
    scale: t('decide.scale', { scale: loc.int(r.scale) }),
    budget: r.budgetPerYearIdr === null ? t('decide.noBudget') : t('decide.budget', { budget: loc.money2(r.budgetPerYearIdr) }),
  })}</p>
<p>${t('decide.covers', { k, sources: `${sources.join('; ')} (${params})` })}</p>
${r.draws < 30 ? `<p>${t('decide.few', { draws: r.draws })}</p>` : ''}</div>`;
}

function portfolioSection(r: DecideResult, loc: Locale, svg: string): string {
  const { t } = loc;
  const n = num(loc), p = pct(loc);
  const best = r.decisions.find((d) => d.name === r.choices.maxExpected)!;
  const text = t('decide.portfoliosText', {
    front: r.decisions.filter((d) => d.pareto).length,
    n: r.decisions.length,
    best: esc(decisionLabel(best, loc)),
    mean: n(best.mean),
    p05: n(best.p05),
    p95: n(best.p95),
    cost: t('money.perYear', { amount: loc.money2(best.costPerYearIdr) }),
    pbest: p(best.pBest),
  });
  const rows = r.decisions
    .filter((d) => d.pareto)
    .map((d) => {
      const cells = [loc.money2(d.costPerYearIdr), n(d.mean), `${n(d.p05)} – ${n(d.p95)}`, p(d.meanAvertedShare), d.withinBudget ? p(d.pBest) : '—', n(d.expectedRegret), d.costPerCaseAvertedIdr === null ? '—' : loc.money2(d.costPerCaseAvertedIdr)];
      return `<tr><td>${esc(decisionLabel(d, loc))}</td>${cells.map((c) => `<td class="n">${c}</td>`).join('')}</tr>`;
    })
    .join('');
  const search = r.search ? (r.search.pruned ? t('decide.searchPruned', { affordable: r.search.affordable, n: r.decisions.length }) : t('decide.searchAll', { n: r.decisions.length })) : '';
  const intensity = r.search?.intensities.some((x) => x < 1) ? ` ${t('decide.intensityCost')}` : '';
  return `<h2>${t('decide.portfolios')}</h2>
<p>${text}</p>
<figure>${svg}</figure>
<table>${headRow(loc.list('decide.frontHead'))}${rows}</table>
${search || intensity ? `<p class="note">${search}${intensity}</p>` : ''}`;
}

function robustnessSection(r: DecideResult, loc: Locale): string {
  const { t } = loc;
  const n = num(loc), p = pct(loc);
  const byName = new Map(r.decisions.map((d) => [d.name, d]));
  const a = byName.get(r.choices.maxExpected)!, b = byName.get(r.choices.minMaxRegret)!;
  const s = r.choices.separation;
  let text: string;
  if (r.choices.same || !s) text = t('decide.robustSame', { name: esc(decisionLabel(a, loc)), maxRegret: n(a.maxRegret) });
  else {
    text = t('decide.robustDiffer', {
      a: esc(decisionLabel(a, loc)),
      b: esc(decisionLabel(b, loc)),
      meanA: n(a.mean),
      meanB: n(b.mean),
      diff: n(s.meanDifference),
      regretA: n(s.worstDrawOfA.regretA),
      regretB: n(s.worstDrawOfA.regretB),
      share: p(s.shareBBetter),
    });
    if (s.driver) text += ` ${t('decide.driver', { parameter: esc(short(s.driver.parameter)), rho: loc.fixed(s.driver.rho, 2) })}`;
  }
  const eligible = r.decisions.filter((d) => d.withinBudget).sort((x, y) => y.mean - x.mean || x.maxRegret - y.maxRegret);
  const shown = eligible.slice(0, 12);
  if (!shown.includes(b)) shown.push(b);
  const rows = shown
    .map((d) => {
      const mark = d === a || d === b ? '<b>' : '';
      const cells = [n(d.mean), n(d.expectedRegret), n(d.maxRegret), n(d.p90Regret), p(d.satisficing)];
      return `<tr><td>${mark}${esc(decisionLabel(d, loc))}${mark ? '</b>' : ''}</td>${cells.map((c) => `<td class="n">${c}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<h2>${t('decide.robustness')}</h2>
<p>${text}</p>
<table>${headRow(loc.list('decide.robustHead'))}${rows}</table>
<p class="note">${t('decide.robustNote', { goal: p(r.goal) })}</p>`;
}

function restrictionsText(box: NonNullable<DecideResult['prim']>['boxes'][number], loc: Locale): string {
  const n = num(loc);
  if (!box.restrictions.length) return loc.t('decide.unrestricted');
  return box.restrictions.map((x) => `<code>${esc(short(x.parameter))}</code> ${n(x.lo)} – ${n(x.hi)}`).join(', ');
}

/** The tree's leaves as rules from the root, thresholds written as the language writes numbers. */
function cartList(r: DecideResult, loc: Locale): string {
  const { t } = loc;
  const nodes = r.cart ?? [];
  if (nodes.length < 2) return '';
  const at = (x: number) => loc.num(Number(x.toPrecision(3)));
  const items: string[] = [];
  const walk = (id: number, conds: string[]) => {
    const node = nodes[id]!;
    if (!node.split) {
      items.push(`<li>${conds.length ? conds.join(' · ') : t('decide.cartAll')}: ${t('decide.cartLeaf', { cases: node.cases, n: node.n, share: pct(loc)(node.share) })}</li>`);
      return;
    }
    const name = `<code>${esc(short(node.split.parameter))}</code>`;
    walk(node.split.left, [...conds, `${name} ≤ ${at(node.split.threshold)}`]);
    walk(node.split.right, [...conds, `${name} > ${at(node.split.threshold)}`]);
  };
  walk(0, []);
  return `<h3>${t('decide.cartTitle')}</h3><p>${t('decide.cartText')}</p><ul>${items.join('')}</ul>`;
}

function discoverySection(r: DecideResult, loc: Locale, svg: string | null): string {
  const { t } = loc;
  const p = pct(loc), n = num(loc);
  const main = r.decisions.find((d) => d.name === r.main.name)!;
  const parts = [
    `<p>${t('decide.mainText', { name: esc(decisionLabel(main, loc)), why: t(r.main.from === 'option' ? 'decide.whyChosen' : 'decide.whyBest'), goal: p(r.goal), failures: r.main.failures, draws: r.main.draws })}</p>`,
  ];
  if (r.discoveryNote) parts.push(`<p>${t(`decide.${r.discoveryNote === 'all-meet' ? 'allMeet' : r.discoveryNote === 'none-meet' ? 'noneMeet' : 'noParameters'}`)}</p>`);
  const boxes = r.prim?.boxes ?? [];
  if (r.prim && !boxes.length) parts.push(`<p>${t('decide.primNone')}</p>`);
  if (boxes.length) {
    const box = boxes[0]!;
    parts.push(`<p>${t('decide.primText', { coverage: p(box.box.coverage), density: p(box.box.density), base: p(r.prim!.baseDensity), restrictions: restrictionsText(box, loc) })}</p>`);
    if (svg) parts.push(`<figure>${svg}</figure>`);
    const rows = box.restrictions.map((x) => `<tr><td><code>${esc(short(x.parameter))}</code></td><td>${esc(meaningOf(x.parameter))}</td><td class="n">${n(x.lo)} – ${n(x.hi)}</td><td class="n">${n(x.fullLo)} – ${n(x.fullHi)}</td></tr>`).join('');
    if (rows) parts.push(`<table>${headRow(loc.list('decide.boxHead'))}${rows}</table>`);
    const second = boxes[1];
    if (second) parts.push(`<p>${t('decide.primSecond', { coverage: p(second.box.coverage), density: p(second.box.density), restrictions: restrictionsText(second, loc) })}</p>`);
  }
  parts.push(cartList(r, loc));
  return `<h2>${t('decide.discovery')}</h2>\n${parts.join('\n')}`;
}

function voiSection(r: DecideResult, loc: Locale, svg: string | null): string {
  const { t } = loc;
  const n = num(loc), p = pct(loc);
  const v = r.voi;
  const best = r.decisions.find((d) => d.name === r.choices.maxExpected)!;
  const share = (x: number) => (v.evpi > 0 ? p(x / v.evpi) : '—');
  const top = v.evppi[0];
  const text =
    v.evpi > 0 && top
      ? t('decide.voiText', { evpi: n(v.evpi), share: best.mean > 0 ? p(v.evpi / best.mean) : '—', top: esc(short(top.parameter)), topValue: n(top.value), reference: n(v.reference) })
      : t('decide.voiNone', { evpi: n(v.evpi) });
  const rows = v.evppi
    .map((e) => `<tr><td><code>${esc(short(e.parameter))}</code></td><td>${t(e.source === 'posterior' ? 'decide.fromPosterior' : 'decide.fromPrior')}</td><td>${esc(meaningOf(e.parameter))}</td><td class="n">${n(e.value)}</td><td class="n">${n(e.noise)}</td><td class="n">${share(e.value)}</td></tr>`)
    .join('');
  const groupName = (g: string) => t(g === 'posterior' ? 'decide.groupPosterior' : g === 'priors' ? 'decide.groupPriors' : 'decide.groupAll');
  const groups = v.groups.map((g) => `<tr><td>${groupName(g.group)}</td><td class="n">${n(g.value)}</td><td class="n">${n(g.noise)}</td><td class="n">${share(g.value)}</td></tr>`).join('');
  return `<h2>${t('decide.voi')}</h2>
<p>${text}</p>
${svg ? `<figure>${svg}</figure>` : ''}
${rows ? `<table>${headRow(loc.list('decide.voiHead'))}${rows}</table>` : ''}
${groups ? `<table>${headRow(loc.list('decide.groupsHead'))}${groups}</table>` : v.evppi.length >= 2 ? `<p class="note">${t('decide.groupsFew', { k: GROUP_DRAWS })}</p>` : ''}
<p class="note">${t('decide.voiNote', { options: v.evppiOptions })}</p>`;
}

/** Renders a chart into the page and under DIR/charts/ (SVG and PNG). */
async function chart(dir: string, stem: string, spec: TopLevelSpec, charts: string[]): Promise<string> {
  const svg = await toSvg(spec);
  writeFileSync(join(dir, 'charts', `${stem}.svg`), svg);
  writeFileSync(join(dir, 'charts', `${stem}.png`), svgToPng(svg));
  charts.push(join(dir, 'charts', `${stem}.png`));
  return svg;
}

/** Reads DIR/decide.json and writes DIR/decide.html and its charts, in the locale's language. */
export async function buildDecideReport(dir: string, loc: Locale = localize()): Promise<{ html: string; charts: string[] }> {
  const { t } = loc;
  const path = join(dir, 'decide.json');
  if (!existsSync(path)) throw new UserError([`${path}: not found; run lintas decide with --out ${dir} first`]);
  let r: DecideResult;
  try {
    r = JSON.parse(readFileSync(path, 'utf8')) as DecideResult;
  } catch {
    throw new UserError([`${path}: not valid JSON (cut short?); run lintas decide again with --resume`]);
  }
  if (!Array.isArray(r.decisions) || !r.choices || !r.voi) throw new UserError([`${path}: not the decide.json of lintas decide; run lintas decide again with --resume`]);
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const charts: string[] = [];
  const front = await chart(dir, 'decide-front', frontSpec(r, loc), charts);
  const primSvg = r.prim?.boxes.length ? await chart(dir, 'decide-prim', primSpec(r, loc), charts) : null;
  const voiSvg = r.voi.evppi.length ? await chart(dir, 'decide-voi', voiSpec(r, loc), charts) : null;
  const html = `<!doctype html>
<html lang="${loc.lang}"><head><meta charset="utf-8"><title>${t('decide.htmlTitle', { scenario: esc(r.scenario) })}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h2 { margin-top: 2em; border-bottom: 2px solid #ddd; } table { border-collapse: collapse; font-size: 0.88em; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; } td.n { text-align: right; white-space: nowrap; }
.note { color: #555; } .box { border: 2px solid #0072B2; padding: 0.6em 1em; background: #f3f8fc; }
@media print { h2 { break-before: auto; } figure, table { break-inside: avoid; } }
</style></head><body>
<h1>${t('decide.title')}</h1>
${header(r, loc)}
${portfolioSection(r, loc, front)}
${robustnessSection(r, loc)}
${discoverySection(r, loc, primSvg)}
${voiSection(r, loc, voiSvg)}
<h2>${t('decide.files')}</h2>
<p class="note">${t('decide.filesText', { seeds: esc(r.seeds.length > 12 ? `${r.seeds.slice(0, 12).join(', ')}, …` : r.seeds.join(', ')) })}</p>
</body></html>
`;
  writeFileSync(join(dir, 'decide.html'), html);
  return { html, charts };
}
