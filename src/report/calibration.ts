/**
 * The calibration behind a comparison run with --posterior: for each calibrated parameter, where
 * the posterior sits inside its prior range (and the hand-set value beside it), and the posterior
 * predictive check — each sourced target's observed value against the model's 90% interval.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Comparison } from '../experiment/compare.js';
import type { CalibrationSummary } from '../experiment/calibrate/posterior.js';
import { type Locale, localize } from '../i18n/index.js';
import { OKABE_ITO } from './palette.js';
import { chartConfig } from './charts.js';

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The calibration summary a comparison carries, if its posterior came with one. */
export const calibrationOf = (c: Comparison): CalibrationSummary | undefined => c.posterior?.calibration;

/** Share of the way from lo to hi (parameters have different units: the prior range is the common scale). */
const within = (x: number, lo: number, hi: number) => (hi > lo ? (x - lo) / (hi - lo) : 0.5);

/** Prior range (the whole axis), the posterior's 90% interval and median, and the hand-set value, per parameter. */
export function priorPosteriorSpec(cal: CalibrationSummary, loc: Locale = localize()): TopLevelSpec {
  const { t } = loc;
  const values = cal.parameters.map((p) => ({
    parameter: p.path.replace(/^params\./, ''),
    from: 0,
    to: 1,
    lo: within(p.q05, p.lo, p.hi),
    hi: within(p.q95, p.lo, p.hi),
    median: within(p.q50, p.lo, p.hi),
    handSet: within(p.handSet, p.lo, p.hi),
  }));
  const y = { field: 'parameter', type: 'nominal' as const, title: null, sort: null };
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: [0, 1] }, title: t('calibration.axisWithinPrior'), axis: { format: '.0%' } });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('calibration.chartPriorTitle'), subtitle: t('calibration.chartPriorSubtitle') },
    width: 560,
    height: { step: 34 },
    config: chartConfig(loc),
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#bbb', strokeWidth: 10 }, encoding: { y, x: x('from'), x2: { field: 'to' } } },
      { mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 10 }, encoding: { y, x: x('lo'), x2: { field: 'hi' } } },
      { mark: { type: 'tick', color: 'black', thickness: 3, size: 18 }, encoding: { y, x: x('median') } },
      { mark: { type: 'point', shape: 'diamond', filled: true, color: OKABE_ITO.vermillion, opacity: 1, size: 120 }, encoding: { y, x: x('handSet') } },
    ],
  };
}

/** Observed value of each target against the posterior runs' 90% interval and mean, fitted and held out apart (log scale: counts differ by orders of magnitude). */
export function predictiveCheckSpec(cal: CalibrationSummary, loc: Locale = localize()): TopLevelSpec {
  const { t } = loc;
  const values = cal.targets
    .filter((x) => x.observed > 0 && x.hi > 0)
    .map((x) => ({ target: x.id, role: t(`calibration.role.${x.role === 'fit' ? 'fit' : 'holdout'}`), observed: x.observed, mean: Math.max(x.mean, 1e-9), lo: Math.max(x.lo, 1e-9), hi: x.hi }));
  const y = { field: 'target', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 320 } };
  const x = { type: 'quantitative' as const, scale: { type: 'log' as const }, title: t('calibration.axisCount') };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('calibration.chartCheckTitle'), subtitle: t('calibration.chartCheckSubtitle') },
    width: 520,
    config: chartConfig(loc),
    data: { values },
    facet: { row: { field: 'role', type: 'nominal', title: null, sort: [t('calibration.role.fit'), t('calibration.role.holdout')] } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 520,
      height: { step: 22 },
      layer: [
        { mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 6, opacity: 0.6 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } },
        { mark: { type: 'tick', color: OKABE_ITO.blue, thickness: 2, size: 14 }, encoding: { y, x: { field: 'mean', type: 'quantitative' } } },
        { mark: { type: 'point', shape: 'circle', filled: true, color: 'black', size: 60 }, encoding: { y, x: { field: 'observed', type: 'quantitative' } } },
      ],
    },
  };
}

/** The report's calibration section (empty without a calibration summary); `chart` places a rendered chart. */
export function calibrationSection(c: Comparison, chart: (name: string, caption: string) => string, loc: Locale = localize()): string {
  const cal = calibrationOf(c);
  if (!cal) return '';
  const { t } = loc;
  const head = (cells: string[]) => `<tr>${cells.map((x) => `<th>${x}</th>`).join('')}</tr>`;
  const pct = (x: number) => `${loc.fixed(100 * x, 0)}%`;
  const ensembleName = (e: string) => t(`calibration.ensemble.${e === 'hand-set' ? 'handSet' : e === 'prior' ? 'prior' : 'posterior'}`);
  const scores = cal.ensembles
    .map((e) => `<tr><td>${esc(ensembleName(e.ensemble))}</td><td>${loc.fixed(e.fit.ard, 2)}</td><td>${pct(e.fit.coverage)} (${e.fit.n})</td><td>${loc.fixed(e.holdout.ard, 2)}</td><td>${pct(e.holdout.coverage)} (${e.holdout.n})</td></tr>`)
    .join('');
  const params = cal.parameters
    .map((p) => `<tr><td><code>${esc(p.path)}</code></td><td>${loc.num(p.lo)} – ${loc.num(p.hi)}</td><td>${loc.num(p.handSet)}</td><td>${loc.num(Number(p.q50.toPrecision(3)))}</td><td>${loc.num(Number(p.q05.toPrecision(3)))} – ${loc.num(Number(p.q95.toPrecision(3)))}</td></tr>`)
    .join('');
  const targets = cal.targets
    .map((x) => `<tr><td><code>${esc(x.id)}</code></td><td>${esc(t(`calibration.role.${x.role === 'fit' ? 'fit' : 'holdout'}`))}</td><td>${loc.int(x.observed)}</td><td>${loc.int(x.mean)} [${loc.int(x.lo)}, ${loc.int(x.hi)}]</td><td>${x.covered ? t('calibration.yes') : t('calibration.no')}</td><td>${esc(x.source)}</td></tr>`)
    .join('');
  return `<h2 id="calibration">${t('calibration.title')}</h2>
<p>${t('calibration.intro', { file: esc(cal.file), n: cal.parameters.length, method: t(`calibration.method.${cal.method === 'history' ? 'history' : 'abc'}`) })}</p>
${chart('prior-posterior', t('calibration.captionPrior'))}
<table class="num">${head(loc.list('calibration.parametersHead'))}${params}</table>
<p>${t('calibration.checkIntro')}</p>
<table class="num">${head(loc.list('calibration.scoresHead'))}${scores}</table>
${chart('predictive-check', t('calibration.captionCheck'))}
<details><summary>${t('calibration.showTargets', { n: cal.targets.length })}</summary>
<table>${head(loc.list('calibration.targetsHead'))}${targets}</table></details>`;
}

/** The calibration charts to render with the report's others (none without a summary). */
export function calibrationCharts(c: Comparison, loc: Locale = localize()): Record<string, TopLevelSpec> {
  const cal = calibrationOf(c);
  return cal ? { 'prior-posterior': priorPosteriorSpec(cal, loc), 'predictive-check': predictiveCheckSpec(cal, loc) } : {};
}
