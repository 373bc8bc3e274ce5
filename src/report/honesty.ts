/**
 * What a reader must know before trusting a number: which inputs are measured and which are
 * assumed, what the intervals cover (seeds only, unless the comparison says parameters vary too),
 * whether there are enough replicates, and that costs are illustrative. Figures are worded with
 * their uncertainty and rounded to what they can bear (two significant figures).
 */
import type { Comparison, MetricStats, VariantResult } from '../experiment/compare.js';
import type { ParameterRow } from '../scenario/parameter-table.js';
import { localize, type Locale } from '../i18n/index.js';
import { addedMeasures, measureLabel, type VariantInfo } from './labels.js';

/** Below this many replicates an interval from a t-distribution means little. */
export const FEW_REPLICATES = 5;

export type SourceKind = 'data' | 'calibrated' | 'partly' | 'assumed';

/** How a parameter's value was reached, read from its source note. */
export function sourceKind(source: string): SourceKind {
  const s = source.trim().toLowerCase();
  if (s.startsWith('assumption') || s === '(none)' || s === '') return 'assumed';
  if (s.startsWith('calibrated')) return 'calibrated';
  if (/assum/.test(s)) return 'partly';
  return 'data';
}

export function countSources(rows: readonly Pick<ParameterRow, 'source'>[]): Record<SourceKind, number> {
  const n: Record<SourceKind, number> = { data: 0, calibrated: 0, partly: 0, assumed: 0 };
  for (const r of rows) n[sourceKind(r.source)]++;
  return n;
}

/** x rounded to two significant figures. */
export function sig2(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(2));
}

/** A count to two significant figures, with thousands separators ("12,000"; "12.000" in id). */
export const count2 = (x: number, loc: Locale = localize()) => loc.count2(x);

/** Rupiah to two significant figures in words: "Rp 12 million", "Rp 1.7 trillion" ("Rp 1,7 triliun" in id). */
export const idr2 = (x: number, loc: Locale = localize()) => loc.money2(x, 'IDR');

/** A relative change to two significant figures: "−61%". */
export const pct2 = (x: number, loc: Locale = localize()) => loc.pct2(x);

/** Whether the comparison's intervals also carry parameter uncertainty (a posterior or drawn parameters). */
export function parameterUncertainty(c: Comparison, loc: Locale = localize()): string | null {
  const x = c as Comparison & { posterior?: unknown; parameterUncertainty?: unknown };
  const flag = x.parameterUncertainty ?? x.posterior;
  if (!flag) return null;
  if (typeof flag === 'string') return flag;
  if (typeof flag === 'object' && flag !== null && typeof (flag as { description?: unknown }).description === 'string') return (flag as { description: string }).description;
  return loc.t('report.howSure.posteriorDefault');
}

/** "12 of the 141 coefficients vary …", where the comparison names the parameters its posterior draws. */
function varied(c: Comparison, total: number, loc: Locale): string {
  const names = (c as Comparison & { posterior?: { parameters?: unknown } }).posterior?.parameters;
  return Array.isArray(names) ? loc.t('report.howSure.varied', { n: names.length, total }) : '';
}

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The "How sure is this?" box at the top of the report. */
export function howSureBox(c: Comparison, parameters: readonly ParameterRow[], loc: Locale = localize()): string {
  const { t } = loc;
  const n = countSources(parameters);
  const total = parameters.length;
  const assumed = n.assumed + n.partly;
  const posterior = parameterUncertainty(c, loc);
  const items = [
    t('report.howSure.inputs', { total, data: n.data, calibrated: n.calibrated, assumed, partly: n.partly ? t('report.howSure.partly', { n: n.partly }) : '' }),
    posterior ? t('report.howSure.posterior', { what: esc(posterior), varied: varied(c, total, loc) }) : t('report.howSure.chance', { replicates: c.replicates }),
    t('report.howSure.costs'),
    t('report.howSure.agent', { scale: c.scale, persons: t(c.scale === 1 ? 'report.howSure.person' : 'report.howSure.persons'), start: esc(loc.date(c.start)), end: esc(loc.date(c.end)) }),
  ].map((item) => `<li>${item}</li>`);
  const warn = c.replicates < FEW_REPLICATES ? `<p class="warning" role="alert">${t('report.howSure.warning', { replicates: c.replicates, few: FEW_REPLICATES })}</p>` : '';
  return `<section class="how-sure" id="how-sure" aria-labelledby="how-sure-title"><h2 id="how-sure-title">${t('report.howSure.title')}</h2>${warn}<ul>${items.join('')}</ul></section>`;
}

/** Relative change of a metric with its interval (paired difference over the baseline mean). */
export function relativeInterval(v: VariantResult, base: VariantResult, metric: string): { mean: number; lo: number; hi: number } | null {
  const d = v.metrics[metric]?.diff;
  const b = base.metrics[metric]?.mean;
  if (!d || !b) return null;
  return { mean: d.mean / b, lo: d.lo / b, hi: d.hi / b };
}

export type Verdict = 'lower' | 'higher' | 'unclear';
export const verdict = (s: MetricStats | undefined): Verdict => (!s?.diff ? 'unclear' : s.diff.hi < 0 ? 'lower' : s.diff.lo > 0 ? 'higher' : 'unclear');

/** The cost of a variant's added measures, with the notes that say where the figures come from. */
export function costSources(v: VariantInfo, base: VariantInfo, loc: Locale = localize()): { kind: string; perYearIdr: number; source: string }[] {
  return addedMeasures(v, base)
    .filter((iv) => (iv.costPerYearIdr ?? 0) > 0)
    .map((iv) => ({ kind: measureLabel(iv.kind, loc), perYearIdr: iv.costPerYearIdr!, source: iv.note?.trim() || loc.t('report.cost.noSource') }));
}

/**
 * Cost per trafficking case averted as a range: the programme cost over the ends of the paired
 * interval of cases averted. Null where the reduction is not clear (the interval reaches zero).
 */
export function costPerCaseRange(v: VariantResult): { lo: number; hi: number } | null {
  const d = v.metrics.trafficked?.diff;
  if (!d || d.hi >= 0 || v.costIdr <= 0) return null;
  return { lo: v.costIdr / -d.lo, hi: v.costIdr / -d.hi };
}
