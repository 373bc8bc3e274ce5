/**
 * Checks a targets file against the scenario it is for, before any run starts: every metric is one
 * the runs record (a flow for a total, a stock for a mean, a count kept at the place for a place),
 * every place is a crossing or province of the scenario, every window falls within the simulated
 * weeks, and no figure is both fitted and held out. One line per problem, naming the row, so that a
 * long calibration never starts on a file it would fail on, or score a figure it was fitted to.
 */
import { isStock, METRIC_DEFS, type MetricName } from '../../model/metrics.js';
import { PLACE_COUNTS } from '../outputs.js';
import type { Target } from './targets.js';

/** What a targets file is checked against: the scenario's simulated weeks and its places. */
export interface TargetContext {
  /** The first and last reported week's start date. */
  start: string;
  end: string;
  crossings: readonly string[];
  provinces: readonly string[];
}

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

/** Why a metric name cannot be the target's (undefined when it can). */
function metricProblem(name: string, t: Target, ctx: TargetContext): string | undefined {
  if (t.statistic === 'per_day') return name === 'outbound_per_day' ? undefined : `a per-day figure takes the metric outbound_per_day, not ${name}`;
  if (t.place) {
    const kind = ctx.crossings.includes(t.place) ? 'crossing' : 'province';
    const counts: readonly string[] = PLACE_COUNTS[kind];
    return counts.includes(name) ? undefined : `${name} is not counted per ${kind} (expected one of ${counts.join(', ')})`;
  }
  if (!(name in METRIC_DEFS)) return `unknown metric ${name} (docs/outputs.md lists them)`;
  const stock = isStock(name as MetricName);
  if (t.statistic === 'mean' && !stock) return `${name} is a flow: a mean takes a stock such as detained_sabah`;
  if (t.statistic === 'total' && stock) return `${name} is a stock: use the statistic mean, not total`;
  return undefined;
}

/** The problems of one row, each a short phrase. */
function rowProblems(t: Target, ctx: TargetContext): string[] {
  const problems: string[] = [];
  if (t.place && !ctx.crossings.includes(t.place) && !ctx.provinces.includes(t.place))
    problems.push(`unknown place ${t.place} (expected a crossing id or a province: ${[...ctx.crossings, ...ctx.provinces].join(', ')})`);
  else if (t.place && t.statistic === 'mean') problems.push('a mean is kept for the whole border only, not per place');
  else if (t.place && t.statistic === 'total' && !(t.from.slice(5) === '01-01' && t.to.slice(5) === '12-31'))
    problems.push(`counts at a place are kept per calendar year: ${t.from}..${t.to} is not whole years`);
  else for (const name of t.metric.split('-')) {
    const p = metricProblem(name, t, ctx);
    if (p) problems.push(p);
  }
  // A week counts in a window when its first day does: windows may start up to a week before the first reported week.
  if (t.from < shift(ctx.start, -6) || t.to > shift(ctx.end, 6)) problems.push(`window ${t.from}..${t.to} is outside the simulated weeks ${ctx.start}..${shift(ctx.end, 6)}`);
  return problems;
}

/** Every problem of a targets file for a scenario, one line each naming the row (row 2 is the first under the header). */
export function targetProblems(targets: readonly Target[], file: string, ctx: TargetContext): string[] {
  const lines: string[] = [];
  const at = (i: number) => `${file}: row ${i + 2} (${targets[i]!.id})`;
  targets.forEach((t, i) => {
    for (const p of rowProblems(t, ctx)) lines.push(`${at(i)}: ${p}`);
  });
  // One figure, two roles: a fitted figure that is also held out would be scored against what it was fitted to.
  const first = new Map<string, number>();
  targets.forEach((t, i) => {
    if (t.role === 'input') return;
    const key = [t.metric, t.place, t.from, t.to, t.statistic].join('|');
    const j = first.get(key);
    if (j === undefined) first.set(key, i);
    else if (targets[j]!.role !== t.role) lines.push(`${at(i)}: the same figure as row ${j + 2} (${targets[j]!.id}), one fitted and one held out: a held-out figure must be one the fit never saw`);
  });
  return lines;
}
