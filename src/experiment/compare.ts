/**
 * Compare interventions: the baseline and every variant over N replicates with common random
 * numbers — replicate r of every variant runs with seed (seed + r), so every stochastic process
 * draws the same numbers unless the intervention itself changes what happens. Writes tidy rows
 * (comparison.csv), statistics (comparison.json), and a table for the terminal.
 */
import { WRITTEN_BY } from '../scenario/version.js';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { type CalibrationSummary, calibrationBeside, posteriorDraws, readPosterior } from './calibrate/posterior.js';
import { join } from 'node:path';
import { dateOfWeek, horizonWeeks } from '../model/geography.js';
import { type InterventionRegistry, registryFor } from '../model/interventions/index.js';
import type { Scenario } from '../scenario/load.js';
import { writeFileAtomic } from '../io/atomic.js';
import { execute, type ExperimentOptions } from './executor.js';
import { meanInterval, pairedDifference, unpairedDifference, type Interval } from './stats.js';
import { quantileSorted } from 'd3-array';
import { parametersTable } from '../scenario/parameter-table.js';
import { type Decomposition, decompose, type Figure } from './decompose.js';
import { decompositionPlans, type HeldRun, type ResolvedVariant } from '../scenario/variants.js';
import { variantsOf, WEEKLY_METRICS, withOverrides, type RunRecord, type Task } from './tasks.js';

/**
 * What compare takes: the scenario file, replicates, and optionally seed, scale and weeks; workers, the output folder,
 * whether to resume an interrupted experiment; and optionally a calibrated posterior to draw parameters from.
 */
export interface CompareOptions extends ExperimentOptions {
  /**
   * A calibrated posterior (lintas calibrate's posterior.csv): replicate r draws one parameter set
   * by weight and every variant of that replicate runs with it and with seed + r, so the intervals
   * carry parameter uncertainty and the differences stay paired.
   */
  posterior?: string;
}

/**
 * One metric of one variant over the replicates: the mean and its 95% t-interval (lo, hi); against the baseline, the paired
 * and unpaired (Welch) difference and the relative change of the mean (null for the baseline, or a baseline mean of 0).
 */
export interface MetricStats {
  mean: number;
  lo: number;
  hi: number;
  diff: Interval | null;
  unpairedDiff: Interval | null;
  relativeChange: number | null;
}

/**
 * One variant of a comparison: its statistics for every run metric, its programme cost over the horizon beyond the
 * baseline's (IDR), and the cost per trafficking case averted (IDR; null unless the cost is positive and the paired
 * interval shows fewer people trafficked).
 */
export interface VariantResult {
  name: string;
  description: string;
  /** Set on the runs a decomposition adds: a variant with some mechanisms held at the reference's stage. */
  decomposes?: HeldRun;
  costIdr: number;
  costPerTraffickingCaseAvertedIdr: number | null;
  metrics: Record<string, MetricStats>;
}

/**
 * What compare returns and writes as comparison.json: scenario, period, replicates and their seeds, scale and weeks, one
 * VariantResult per variant (the baseline first), the decompositions, and the posterior used, if any.
 */
export interface Comparison {
  scenario: string;
  start: string;
  end: string;
  replicates: number;
  seeds: number[];
  scale: number;
  weeks: number | null;
  variants: VariantResult[];
  /** Changes of cooperation stage decomposed into mechanisms by Shapley values, per decomposed metric. */
  decompositions: Decomposition[];
  /** With --posterior: where each replicate's parameters came from (the intervals then cover them too). */
  posterior?: { file: string; sha256: string; particles: number; parameters: string[]; description: string; calibration?: CalibrationSummary };
}

/** The metrics whose change of stage is decomposed into mechanisms. */
export const DECOMPOSED_METRICS = ['trafficked', 'identified', 'convictions'] as const;

/** One metric's weekly mean and 5–95% band over replicates, for one variant. */
export interface WeeklyBand {
  variant: string;
  week: number;
  date: string;
  metric: string;
  mean: number;
  lo: number;
  hi: number;
}

export const KEY_METRICS = [
  'trafficked',
  'identified',
  'departures',
  'crossings_informal',
  'crossings_colluded',
  'interceptions',
  'convictions',
  'deportations',
  're_trafficked',
] as const;

// Full precision: the shortest text that reads back to the same double.
const num = (x: number) => String(x);
const tidy = (x: number) => x;
const tidyInterval = (i: Interval): Interval => ({ mean: tidy(i.mean), lo: tidy(i.lo), hi: tidy(i.hi), n: i.n });

/** Programme cost over the horizon: each entry's cost (its intervention's cost model) for the years it is in force. */
export function programmeCost(s: Scenario, horizonEnd: string = s.end, registry: InterventionRegistry = registryFor(s.extensions)): number {
  const year = 365.25 * 86_400_000;
  let cost = 0;
  for (const iv of s.interventions) {
    if (iv.start > horizonEnd) continue;
    const until = iv.end && iv.end < horizonEnd ? iv.end : horizonEnd;
    cost += registry.cost(iv, Math.max(0, Date.parse(until) - Date.parse(iv.start)) / year);
  }
  return cost;
}

export function reproduceCommand(o: CompareOptions, seed: number, scale: number): string {
  return `lintas compare ${o.file} --replicates ${o.replicates} --seed ${seed} --scale ${scale}${o.weeks ? ` --weeks ${o.weeks}` : ''}${o.posterior ? ` --posterior ${o.posterior}` : ''} --out ${o.outDir}`;
}

export function tidyRows(r: RunRecord): string {
  return Object.entries(r.metrics)
    .map(([m, v]) => `${r.variant},${r.replicate},${r.seed},${m},${num(v)}\n`)
    .join('');
}

/**
 * Runs the baseline and every variant of a scenario file over `replicates` seeds (replicate r of every variant with seed + r)
 * on worker threads, and writes comparison.csv, comparison.json, weekly.csv and scenario.json to `outDir`. Returns the
 * Comparison; a problem with the scenario, its variants or the options throws a UserError.
 */
export async function compare(opts: CompareOptions): Promise<Comparison> {
  const variants = await variantsOf(opts.file);
  const base = variants[0]!.scenario;
  const seed0 = opts.seed ?? base.seed;
  const seeds = Array.from({ length: opts.replicates }, (_, r) => seed0 + r);
  const scale = opts.scale ?? base.scale;
  // One parameter set per replicate from the posterior, shared by every variant of that replicate.
  const post = opts.posterior ? readPosterior(opts.posterior) : null;
  const calibration = opts.posterior ? calibrationBeside(opts.posterior) : undefined;
  const draws = post ? posteriorDraws(post, seeds.length, seed0) : seeds.map(() => []);
  if (post) for (const [v, variant] of variants.entries()) for (const [r, d] of draws.entries()) checkDraw(variant, d, v, r, opts.posterior!);
  const tasks: Task[] = [];
  variants.forEach((_, v) =>
    seeds.forEach((seed, r) => tasks.push({ file: opts.file, variant: v, overrides: draws[r]!, replicate: r, seed, scale, weeks: opts.weeks })),
  );
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(variants.map((v) => [v.name, v.scenario])))
    .digest('hex')
    .slice(0, 16);
  const header = 'variant,replicate,seed,metric,value\n';
  const records = await execute(tasks, {
    outDir: opts.outDir,
    workers: opts.workers,
    resume: opts.resume,
    manifest: {
      kind: 'compare',
      scenario: base.name,
      fingerprint,
      seeds,
      scale,
      weeks: opts.weeks ?? null,
      variants: variants.map((v) => v.name),
      ...(post ? { posterior: posteriorHash(opts.posterior!) } : {}),
    },
    rows: tidyRows,
    header,
    partialName: 'comparison.partial.csv',
    progress: opts.progress,
    lang: opts.lang,
    batch: opts.batch,
  });

  writeFileAtomic(join(opts.outDir, 'comparison.csv'), header + records.map(tidyRows).join(''));
  rmSync(join(opts.outDir, 'comparison.partial.csv'), { force: true });

  const byVariant = variants.map((_, v) => records.slice(v * seeds.length, (v + 1) * seeds.length));
  const metricNames = Object.keys(records[0]!.metrics);
  const values = (v: number, m: string) => byVariant[v]!.map((r) => r.metrics[m] ?? 0);
  // Costs count only the weeks simulated (a --weeks run stops early).
  const horizonEnd = opts.weeks ? dateOfWeek(base.start, Math.min(opts.weeks, horizonWeeks(base.start, base.end)) - 1) : base.end;
  const baseCost = programmeCost(base, horizonEnd);
  const result: Comparison = {
    scenario: base.name,
    start: base.start,
    end: base.end,
    replicates: opts.replicates,
    seeds,
    scale,
    weeks: opts.weeks ?? null,
    variants: variants.map((variant, v) => {
      const metrics: Record<string, MetricStats> = {};
      for (const m of metricNames) {
        const xs = values(v, m);
        const mi = meanInterval(xs);
        const b = values(0, m);
        const baseMean = meanInterval(b).mean;
        const diff = v === 0 ? null : tidyInterval(pairedDifference(xs, b));
        metrics[m] = {
          mean: tidy(mi.mean),
          lo: tidy(mi.lo),
          hi: tidy(mi.hi),
          diff,
          unpairedDiff: v === 0 ? null : tidyInterval(unpairedDifference(xs, b)),
          relativeChange: v === 0 || baseMean === 0 ? null : tidy((mi.mean - baseMean) / baseMean),
        };
      }
      const cost = programmeCost(variant.scenario, horizonEnd) - baseCost;
      const d = metrics.trafficked?.diff;
      // Priced only where the reduction is clear (the paired 95% interval lies below zero).
      const averted = d && d.hi < 0 ? -d.mean : 0;
      return {
        name: variant.name,
        description: variant.description,
        ...(variant.decomposes ? { decomposes: variant.decomposes } : {}),
        costIdr: tidy(cost),
        costPerTraffickingCaseAvertedIdr: cost > 0 && averted > 0 ? tidy(cost / averted) : null,
        metrics,
      };
    }),
    decompositions: decompositions(variants, values),
    ...(post
      ? {
          posterior: {
            file: opts.posterior!,
            sha256: posteriorHash(opts.posterior!),
            particles: post.weights.length,
            parameters: post.paths,
            description: `each replicate runs one parameter set drawn by weight from the ${post.weights.length} particles of ${opts.posterior} (${post.paths.length} parameters), the same set in every variant`,
            ...(calibration ? { calibration } : {}),
          },
        }
      : {}),
  };
  writeFileAtomic(join(opts.outDir, 'comparison.json'), `${JSON.stringify(result, null, 2)}\n`);
  // Weekly bands for the variants people read; the runs a decomposition adds are left out.
  const bands = weeklyBands(records, variants.map((v) => (v.decomposes ? '' : v.name)), seeds.length, base.start);
  writeFileAtomic(
    join(opts.outDir, 'weekly.csv'),
    `variant,week,date,metric,mean,p05,p95\n${bands.map((b) => `${b.variant},${b.week},${b.date},${b.metric},${num(b.mean)},${num(b.lo)},${num(b.hi)}\n`).join('')}`,
  );
  writeFileAtomic(
    join(opts.outDir, 'scenario.json'),
    `${JSON.stringify(
      {
        writtenBy: WRITTEN_BY,
        file: opts.file,
        command: reproduceCommand(opts, seed0, scale),
        parameters: parametersTable(base),
        geography: { origins: base.origins, hubs: base.hubs, crossings: base.crossings, destinations: base.destinations, routes: base.routes, closures: base.closures },
        variants: variants.map((v) => ({ name: v.name, description: v.description, stages: v.scenario.stages, interventions: v.scenario.interventions })),
      },
      null,
      2,
    )}\n`,
  );
  return result;
}

const posteriorHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A posterior draw must make a valid scenario of every variant: checked before any run. */
function checkDraw(variant: ResolvedVariant, draw: [string, number][], v: number, r: number, file: string): void {
  if (r > 0 && v > 0) return; // the same paths in every draw: the first replicate of each variant, and every draw of the baseline
  try {
    withOverrides(variant.data, draw);
  } catch (e) {
    const lines = e instanceof UserError ? e.lines : [String(e)];
    throw new UserError([`--posterior ${file}: replicate ${r}'s parameters do not make a valid scenario of variant ${variant.name}:`, ...lines.map((l) => `  ${l}`)]);
  }
}

/** Every declared decomposition, for each decomposed metric, from the per-replicate values. */
function decompositions(variants: readonly ResolvedVariant[], values: (v: number, m: string) => number[]): Decomposition[] {
  const index = new Map(variants.map((v, i) => [v.name, i]));
  const tidyFigure = <F extends Figure>(f: F): F => ({ ...f, value: tidyInterval(f.value), share: f.share === null ? null : tidy(f.share), byReplicate: f.byReplicate.map(tidy) });
  return decompositionPlans(variants).flatMap((plan) =>
    DECOMPOSED_METRICS.map((metric) => {
      const d = decompose(plan, metric, (run) => values(index.get(run)!, metric));
      return {
        ...d,
        total: tidyFigure(d.total),
        stageChange: tidyFigure(d.stageChange),
        mechanisms: d.mechanisms.map(tidyFigure),
        notStage: d.notStage && tidyFigure(d.notStage),
      };
    }),
  );
}

/** Weekly 5–95% bands over replicates, per variant, for the charts: tidy rows. */
export function weeklyBands(records: RunRecord[], variants: string[], replicates: number, start: string): WeeklyBand[] {
  const out: WeeklyBand[] = [];
  variants.forEach((variant, v) => {
    if (!variant) return;
    const runs = records.slice(v * replicates, (v + 1) * replicates).filter((r) => r.weekly);
    if (!runs.length) return;
    for (const metric of WEEKLY_METRICS) {
      const weeks = runs[0]!.weekly![metric]!.length;
      for (let t = 0; t < weeks; t++) {
        const xs = runs.map((r) => r.weekly![metric]![t]!).sort((a, b) => a - b);
        out.push({
          variant,
          week: t,
          date: dateOfWeek(start, t),
          metric,
          mean: tidy(xs.reduce((s, x) => s + x, 0) / xs.length),
          lo: tidy(quantileSorted(xs, 0.05) ?? 0),
          hi: tidy(quantileSorted(xs, 0.95) ?? 0),
        });
      }
    }
  });
  return out;
}
