/**
 * Calibration targets: observed figures the model can produce, one row each in a CSV
 * (scenarios/data/targets.csv): which output and aggregation (metric, place, date window,
 * total or per day), the observed value and its source, how far an observation may sit from the
 * model's figure (the error model), and whether it is fitted, held out, or was already used to
 * set an input (kept for the record, never scored).
 *
 * Error models, on the log scale because the figures span orders of magnitude:
 * - `count`: observed = model × noise, noise log-normal with relative SD `sd`;
 * - `reported`: observed = model × r × noise, with r log-uniform on [ratio_lo, ratio_hi]: the
 *   register counts a share of what the model produces (under-reporting, r < 1) or more than the
 *   corridor the model covers (a national or all-nationalities count, r > 1).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';
import { dateOfWeek } from '../../model/geography.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const optionalNumber = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().finite().positive().optional());

export const targetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/, 'expected lower-case letters, digits and _'),
    /** A run metric (docs/outputs.md), a difference `a-b` of two, or outbound_per_day at a place. */
    metric: z.string().regex(/^[a-z0-9_]+(-[a-z0-9_]+)?$/, 'expected a metric name or a difference a-b'),
    place: z.string().default(''),
    from: isoDate,
    to: isoDate,
    /** total: summed over the window; per_day: outbound persons a day at a crossing; mean: a stock's mean over the window's weeks. */
    statistic: z.enum(['total', 'per_day', 'mean']),
    observed: z.coerce.number().finite().positive(),
    error: z.enum(['count', 'reported']),
    sd: z.coerce.number().finite().positive(),
    ratio_lo: optionalNumber,
    ratio_hi: optionalNumber,
    role: z.enum(['fit', 'holdout', 'input']),
    /** The series a figure belongs to (deportations, victims, police, …): the check reports held-out figures per series. */
    series: z.string().regex(/^([a-z][a-z0-9_]*)?$/, 'expected a series name (lower-case letters, digits and _) or nothing').default(''),
    source: z.string().min(10, 'expected a source'),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.from > t.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `expected from <= to, got ${t.from} and ${t.to}` });
    if (t.error === 'reported' && !(t.ratio_lo && t.ratio_hi && t.ratio_lo < t.ratio_hi))
      ctx.addIssue({ code: 'custom', path: ['ratio_hi'], message: 'a reported figure needs ratio_lo < ratio_hi' });
    if (t.error === 'count' && (t.ratio_lo !== undefined || t.ratio_hi !== undefined))
      ctx.addIssue({ code: 'custom', path: ['ratio_lo'], message: 'only a reported figure takes a ratio band' });
    if (t.statistic === 'per_day' && !t.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'a per-day figure needs a place' });
  });

export type Target = z.infer<typeof targetSchema>;

export interface TargetFile {
  file: string;
  /** sha256 of the file's bytes: the provenance of a calibration. */
  hash: string;
  targets: Target[];
}

export function parseTargets(text: string, file = 'targets'): Target[] {
  const rows = csvParse(text);
  const seen = new Set<string>();
  const problems: string[] = [];
  const targets = rows.map((row, i) => {
    const r = targetSchema.safeParse(row);
    if (!r.success) {
      for (const issue of r.error.issues) problems.push(`${file}: row ${i + 2}${issue.path.length ? ` ${issue.path.join('.')}` : ''}: ${issue.message}`);
      return undefined;
    }
    if (seen.has(r.data.id)) problems.push(`${file}: row ${i + 2} id: ${r.data.id} is listed twice`);
    seen.add(r.data.id);
    return r.data;
  });
  if (problems.length) throw new UserError(problems);
  if (!targets.length) throw new UserError([`${file}: no targets`]);
  return targets as Target[];
}

export function readTargets(file: string): TargetFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError([`--targets ${file}: no such file`]);
  }
  return { file, hash: createHash('sha256').update(text).digest('hex'), targets: parseTargets(text.replace(/^\uFEFF/, ''), file) }; // a byte-order mark skipped, as in scenario files
}

/** What a run gives to evaluate targets: totals over the reported period, weekly series, and per-year totals when the run keeps them. */
export interface RunView {
  metrics: Record<string, number>;
  weekly?: Record<string, number[]>;
  perYear?: Record<string, Record<string, number>>;
  perPlace?: Record<string, { perYear: Record<string, Record<string, number>> }>;
}

/** The reported period of the runs: the first week's date and the number of weeks. */
export interface Period {
  start: string;
  weeks: number;
}

/** A week belongs to the window holding its first day (as summary.json's years do): the window covers the run if it holds every week's. */
const coversRun = (t: Target, p: Period) => t.from <= p.start && t.to >= dateOfWeek(p.start, p.weeks - 1);

/** Whether a window is whole calendar years (what per-year totals can give). */
const wholeYears = (t: Target) => t.from.slice(5) === '01-01' && t.to.slice(5) === '12-31';

/** Sums a per-year table over the window's years, or undefined when a year is missing. */
function overYears(perYear: Record<string, Record<string, number>> | undefined, name: string, t: Target): number | undefined {
  if (!perYear || !wholeYears(t)) return undefined;
  let sum = 0;
  for (let y = Number(t.from.slice(0, 4)); y <= Number(t.to.slice(0, 4)); y++) {
    const v = perYear[String(y)]?.[name];
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

/** One metric over the target's window (at its place, if it names one), or undefined when the run does not keep it at that resolution. */
function metricOver(r: RunView, name: string, t: Target, p: Period): number | undefined {
  if (t.place) return overYears(r.perPlace?.[t.place]?.perYear, name, t);
  if (t.statistic === 'total' && coversRun(t, p) && name in r.metrics) return r.metrics[name];
  const weekly = r.weekly?.[name];
  if (weekly) {
    let sum = 0;
    let n = 0;
    for (let w = 0; w < weekly.length; w++) {
      const d = dateOfWeek(p.start, w);
      if (d >= t.from && d <= t.to) {
        sum += weekly[w]!;
        n++;
      }
    }
    if (t.statistic === 'mean') return n ? sum / n : undefined;
    return sum;
  }
  return t.statistic === 'total' ? overYears(r.perYear, name, t) : undefined;
}

/** Calendar days from `from` to `to`, both included. */
const daysIn = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** The model's value of a target in one run, or undefined if the run cannot give it (see `missing`). */
export function targetValue(t: Target, r: RunView, p: Period): number | undefined {
  if (t.statistic === 'per_day') {
    if (coversRun(t, p)) return r.metrics[`perday_${t.place}`];
    // Whole calendar years: the crossing's outbound persons over the window's days.
    const total = overYears(r.perPlace?.[t.place!]?.perYear, 'outbound', t);
    return total === undefined ? undefined : total / daysIn(t.from, t.to);
  }
  const [a, b] = t.metric.split('-');
  const va = metricOver(r, a!, t, p);
  if (b === undefined || va === undefined) return va;
  const vb = metricOver(r, b, t, p);
  return vb === undefined ? undefined : va - vb;
}

/** Why a target cannot be scored from these runs, in a few words. */
export function missing(t: Target): string {
  if (t.statistic === 'per_day') return `needs outbound persons at ${t.place} over the whole run or per whole calendar year (${t.from}..${t.to} is neither)`;
  if (t.place) return `needs ${t.metric} at ${t.place} per whole calendar year (${t.from}..${t.to} is not)`;
  if (t.statistic === 'mean') return `needs a weekly series of ${t.metric} in each run record`;
  return `needs ${t.metric} for ${t.from}..${t.to} in each run record (per-year totals or a weekly series)`;
}

/** The log-scale centre and SD of an observation given the model's value: its error model. */
export function errorModel(t: Target): { logRatio: number; sdLog: number } {
  const noise = Math.log1p(t.sd);
  if (t.error === 'count') return { logRatio: 0, sdLog: noise };
  const lo = Math.log(t.ratio_lo!), hi = Math.log(t.ratio_hi!);
  // A log-uniform ratio: centre at the geometric middle, variance (hi − lo)² / 12 added to the noise's.
  return { logRatio: (lo + hi) / 2, sdLog: Math.sqrt(noise * noise + ((hi - lo) * (hi - lo)) / 12) };
}

/** The model's prediction of the observed figure (its value times the middle ratio). */
export function predicted(t: Target, value: number): number {
  return value * Math.exp(errorModel(t).logRatio);
}

/** Standardised log discrepancy of one target; a model value of 0 counts as half a person. */
export function discrepancy(t: Target, value: number): number {
  const { logRatio, sdLog } = errorModel(t);
  return (Math.log(Math.max(value, 0.5)) + logRatio - Math.log(t.observed)) / sdLog;
}

/** ABC distance: root mean square of the standardised discrepancies over the fitted targets. */
export function distance(targets: Target[], values: number[]): number {
  let s = 0;
  targets.forEach((t, i) => (s += discrepancy(t, values[i]!) ** 2));
  return Math.sqrt(s / targets.length);
}
