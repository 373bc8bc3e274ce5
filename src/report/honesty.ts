/**
 * What a reader must know before trusting a number: which inputs are measured and which are
 * assumed, what the intervals cover (seeds only, unless the comparison says parameters vary too),
 * whether there are enough replicates, and that costs are illustrative. Figures are worded with
 * their uncertainty and rounded to what they can bear (two significant figures).
 */
import type { Comparison, MetricStats, VariantResult } from '../experiment/compare.js';
import type { ParameterRow } from '../scenario/parameter-table.js';
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

/** A count to two significant figures, with thousands separators ("12,000"). */
export const count2 = (x: number) => sig2(x).toLocaleString('en-US', { maximumSignificantDigits: 2 });

/** Rupiah to two significant figures in words: "Rp 12 million", "Rp 1.7 trillion". */
export function idr2(x: number): string {
  const v = sig2(x);
  const units: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [u, w] of units) if (Math.abs(v) >= u) return `Rp ${Number((v / u).toPrecision(2))} ${w}`;
  return `Rp ${v.toLocaleString('en-US')}`;
}

/** A relative change to two significant figures: "−61%". */
export function pct2(x: number): string {
  const v = sig2(100 * x);
  if (v === 0) return '0%';
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}%`;
}

/** Whether the comparison's intervals also carry parameter uncertainty (a posterior or drawn parameters). */
export function parameterUncertainty(c: Comparison): string | null {
  const x = c as Comparison & { posterior?: unknown; parameterUncertainty?: unknown };
  const flag = x.parameterUncertainty ?? x.posterior;
  if (!flag) return null;
  if (typeof flag === 'string') return flag;
  if (typeof flag === 'object' && flag !== null && typeof (flag as { description?: unknown }).description === 'string') return (flag as { description: string }).description;
  return 'parameters drawn from a calibrated posterior';
}

/** "12 of the 141 coefficients vary …", where the comparison names the parameters its posterior draws. */
function varied(c: Comparison, total: number): string {
  const names = (c as Comparison & { posterior?: { parameters?: unknown } }).posterior?.parameters;
  return Array.isArray(names) ? ` ${names.length} of the ${total} coefficients vary with it; the others are held at their values.` : '';
}

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The "How sure is this?" box at the top of the report. */
export function howSureBox(c: Comparison, parameters: readonly ParameterRow[]): string {
  const n = countSources(parameters);
  const total = parameters.length;
  const assumed = n.assumed + n.partly;
  const posterior = parameterUncertainty(c);
  const items = [
    `<li><b>Most inputs are assumptions.</b> Of the ${total} coefficients the model reads, <b>${n.data}</b> come from published figures, <b>${n.calibrated}</b> were tuned so the baseline reproduces observed patterns, and <b>${assumed}</b> are assumptions${n.partly ? ` (${n.partly} of them with a published basis for the direction but an assumed size)` : ''}. Geography, wages, exchange rates and closure dates come from tables with their own sources. Every coefficient and its source is listed under <a href="#parameters">Parameters and their sources</a>; the sources are described in the repository's <code>docs/sources.md</code>.</li>`,
    posterior
      ? `<li><b>What the intervals cover:</b> the variation between random seeds <i>and</i> parameter uncertainty (${esc(posterior)}).${varied(c, total)} Assumptions that the calibration does not constrain still move the results beyond these intervals.</li>`
      : `<li><b>What the intervals cover: chance only.</b> The 95% intervals show how results vary between ${c.replicates} runs with different random seeds (common random numbers: every variant uses the same seeds, so a paired difference isolates the measure). They do <b>not</b> include uncertainty about the assumed coefficients: with other plausible values, effects could be larger, smaller, or reversed. <code>lintas sensitivity</code> shows which assumptions matter most.</li>`,
    `<li><b>Costs are illustrative.</b> Programme costs are assumptions, not budgets; the cost per case averted below is a range that follows the interval of cases averted, and tells orders of magnitude only.</li>`,
    `<li><b>One simulated agent stands for ${c.scale} ${c.scale === 1 ? 'person' : 'persons'}.</b> Counts are estimates for the model's border, ${esc(c.start)} to ${esc(c.end)}; read differences and directions, not exact numbers.</li>`,
  ];
  const warn =
    c.replicates < FEW_REPLICATES
      ? `<p class="warning" role="alert"><b>Too few replicates for the intervals to mean much:</b> this comparison has ${c.replicates}. With fewer than ${FEW_REPLICATES}, an interval is unreliable — it can be very wide, or dip below zero for a count that cannot. Run <code>lintas compare … --replicates 10</code> or more before reading anything into the intervals.</p>`
      : '';
  return `<section class="how-sure" id="how-sure" aria-labelledby="how-sure-title"><h2 id="how-sure-title">How sure is this?</h2>${warn}<ul>${items.join('')}</ul></section>`;
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
export function costSources(v: VariantInfo, base: VariantInfo): { kind: string; perYearIdr: number; source: string }[] {
  return addedMeasures(v, base)
    .filter((iv) => (iv.costPerYearIdr ?? 0) > 0)
    .map((iv) => ({ kind: measureLabel(iv.kind), perYearIdr: iv.costPerYearIdr!, source: iv.note?.trim() || 'no source given: an assumption' }));
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
