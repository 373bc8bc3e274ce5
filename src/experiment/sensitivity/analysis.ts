/**
 * `lintas sensitivity`: which assumptions matter, for an outcome or for a decision. Parameters
 * vary over their priors (priors.ts: the plausible range each carries in the scenario, a priors
 * file, or `--param PATH=lo..hi`); Morris elementary effects screen them all, Sobol' indices (Saltelli
 * design) apportion the variance of the few that matter. An output is a total (trafficked,
 * identified, …), the dark-figure ratio, or a decision: the paired difference between two
 * variants (`--variant A --against B`), with common random numbers inside each design point.
 * Each design point runs `replicates` seeds (the same seeds at every point), and the share of
 * the outputs' variance that comes from the seeds is reported. Runs go through the same
 * run-tasks, workers and resumable journal as compare and sweep.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { mean, quantileSorted, variance } from 'd3-array';
import { UserError } from '../../core/errors.js';
import { readScenarioFile } from '../../scenario/load.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { execute, type ExperimentOptions } from '../executor.js';
import { writeTidyParquet } from '../parquet.js';
import { parseParamSpec } from '../sweep.js';
import { closest } from '../../scenario/suggest.js';
import { type RunRecord, runMetricNames, type Task, variantsOf, withOverrides } from '../tasks.js';
import { morrisDesign, morrisIndices } from './morris.js';
import { defaultPriors, isNumericPath, type Prior, quantileOf, readPriors } from './priors.js';
import { saltelliDesign, sobolIndices } from './sobol.js';

export type Method = 'morris' | 'sobol';

/**
 * What sensitivity takes besides the file, replicates, workers and output folder: the method (morris or sobol), the
 * parameters to vary (ranges or a priors file; default every parameter with a range), the outputs, an optional decision
 * (variant − against), and the design size.
 */
export interface SensitivityOptions extends ExperimentOptions {
  method: Method;
  /** PATH=lo..hi, uniform; added to (or replacing) the priors file's. */
  params: string[];
  /** A priors file (YAML, JSON or CSV); with neither: every parameter with a range in the scenario. */
  paramsFile?: string;
  /** Also write sensitivity.parquet. */
  parquet?: boolean;
  outputs: string[];
  /** A decision output: variant − against, paired. */
  variant?: string;
  against?: string;
  /** Morris trajectories. */
  trajectories: number;
  /** Sobol' base sample size N (runs: N · (k + 2) points). */
  samples: number;
  bootstrap: number;
}

/** A parameter varied over its prior. */
export type Factor = Prior;

/** Outputs every run can give, beyond the metric totals: the share of the trafficked who are identified. */
const DERIVED: Record<string, (m: Record<string, number>) => number> = {
  dark_figure: (m) => (m.trafficked ? (m.identified ?? 0) / m.trafficked : 0),
};

export const DEFAULT_OUTPUTS = ['trafficked', 'identified', 'dark_figure', 'deportations'];

function outputOf(metrics: Record<string, number>, name: string): number {
  const f = DERIVED[name];
  if (f) return f(metrics);
  const v = metrics[name];
  if (v === undefined) throw new UserError([`--outputs ${name}: not a metric of a run (see docs/outputs.md) nor one of ${Object.keys(DERIVED).join(', ')}`]);
  return v;
}

/**
 * Checks the outputs before any run: each a metric every run gives (tasks.ts runMetricNames) or a
 * derived one, named once. A misspelt name is refused with one line (and the closest name).
 */
export function checkOutputs(outputs: readonly string[], known: readonly string[]): void {
  if (!outputs.length) throw new UserError(['--outputs: expected at least one metric name']);
  const all = [...known, ...Object.keys(DERIVED)];
  const seen = new Set<string>();
  for (const name of outputs) {
    if (seen.has(name)) throw new UserError([`--outputs ${name}: listed twice`]);
    seen.add(name);
    if (all.includes(name)) continue;
    const near = closest(name, all);
    throw new UserError([`--outputs ${name}: not a metric of a run (see docs/outputs.md) nor one of ${Object.keys(DERIVED).join(', ')}${near ? `; did you mean ${near}?` : ''}`]);
  }
}

/** The factors: a priors file and/or --param ranges, or every parameter of the scenario with a range. */
async function factorsOf(opts: SensitivityOptions, data: unknown, params: Readonly<Record<string, number>>, defaults: () => Prior[]): Promise<Factor[]> {
  const fromFile = opts.paramsFile ? readPriors(opts.paramsFile, data, params) : [];
  const fromFlags = opts.params.map((spec): Prior => {
    const p = parseParamSpec(spec);
    if (!('lo' in p)) throw new UserError([`--param ${spec}: sensitivity needs a range PATH=lo..hi`]);
    if (!isNumericPath(data, p.path, params)) throw new UserError([`--param ${p.path}: not a number in ${opts.file}`]);
    return { path: p.path, distribution: 'uniform', lo: p.lo, hi: p.hi, source: 'command line' };
  });
  if (!fromFile.length && !fromFlags.length) {
    const all = defaults();
    if (!all.length) throw new UserError([`${opts.file}: no parameter carries a range; give --param PATH=lo..hi or --params FILE`]);
    return all;
  }
  // A --param overrides the file's prior of the same path.
  const flagged = new Set(fromFlags.map((p) => p.path));
  return [...fromFile.filter((p) => !flagged.has(p.path)), ...fromFlags];
}

/** For a decision output: how the decision varies over the design and which inputs could reverse it. */
export interface DecisionSummary {
  /** Mean of the decision (variant − against) over the design points. */
  mean: number;
  /** 5% and 95% quantiles of the point means over the design. */
  p05: number;
  p95: number;
  /** Share of design points where the decision has the opposite sign to its mean. */
  shareOpposite: number;
  /**
   * Per parameter, its swing: how much the decision moves when that parameter alone moves from one
   * end of its prior to the other (Morris: μ*, the mean absolute elementary effect per whole range;
   * Sobol': 3 · mean |y(AB_i) − y(A)|, since two independent uniform draws lie a third of the range
   * apart on average). From the middle of the range an end is half a swing away, so a parameter
   * whose half swing exceeds |mean| could reverse the decision on its own (couldFlip).
   */
  swings: { parameter: string; swing: number; couldFlip: boolean }[];
}

/**
 * What sensitivity returns and writes as sensitivity.json: the factors, outputs, seeds and number of runs, the indices per
 * output and parameter (Morris mu, muStar, sigma; Sobol' S1, ST), the share of variance from seeds, and decision summaries.
 */
export interface SensitivityResult {
  method: Method;
  scenario: string;
  factors: Factor[];
  outputs: string[];
  decision: { variant: string; against: string } | null;
  replicates: number;
  seeds: number[];
  scale: number | null;
  runs: number;
  indices: Record<string, { parameter: string; [index: string]: number | string }[]>;
  /** Per output: the share of the variance of single runs that is seed noise within design points. */
  seedVarianceShare: Record<string, number>;
  /** Decision outputs only: the spread of the decision and what could flip it. */
  decisions: Record<string, DecisionSummary>;
}

/**
 * Screens (Morris) or apportions the variance of (Sobol') the outputs of a scenario file over its parameters' priors,
 * `replicates` seeds per design point. Writes sensitivity.json, sensitivity.csv, design.csv and points.csv (optionally
 * sensitivity.parquet) to `outDir`; bad options throw a UserError. docs/sensitivity.md explains the methods.
 */
export async function sensitivity(opts: SensitivityOptions): Promise<SensitivityResult> {
  const data = await readScenarioFile(opts.file);
  const variants = await variantsOf(opts.file);
  const index = (name: string) => {
    const i = variants.findIndex((v) => v.name === name);
    if (i < 0) throw new UserError([`--variant/--against ${name}: no variant of that name in ${opts.file} (${variants.map((v) => v.name).join(', ')})`]);
    return i;
  };
  if ((opts.variant === undefined) !== (opts.against === undefined)) throw new UserError(['--variant and --against go together: the decision output is variant − against']);
  const pair = opts.variant !== undefined ? [index(opts.variant), index(opts.against!)] : [0];
  const scenario = variants[pair[0]!]!.scenario;
  // Every option is checked before the first run, in a single run and in every shard alike.
  for (const v of pair) checkOutputs(opts.outputs, runMetricNames(variants[v]!.scenario));
  const factors = await factorsOf(opts, data, scenario.params, () => defaultPriors(scenario));
  const k = factors.length;
  const seed0 = opts.seed ?? variants[0]!.scenario.seed;
  const seeds = Array.from({ length: opts.replicates }, (_, r) => seed0 + r);

  const design =
    opts.method === 'morris' ? morrisDesign(k, opts.trajectories, { seed: seed0 }) : saltelliDesign(k, opts.samples);
  const points = design.points;
  // Values are kept to 12 significant digits, so design.csv and the journal read back exactly.
  const values = (u: Float64Array) => factors.map((f, i) => Number(quantileOf(f, u[i]!).toPrecision(12)));

  const tasks: Task[] = [];
  points.forEach((u, point) => {
    const overrides = factors.map((f, i) => [f.path, values(u)[i]!] as [string, number]);
    for (const variant of pair) seeds.forEach((seed, replicate) => tasks.push({ file: opts.file, variant, overrides, point, replicate, seed, scale: opts.scale, weeks: opts.weeks }));
  });

  // Every variant must accept the design's values: the first point, and each parameter at either
  // end of its range (the others as at the first point), before any run.
  const problems: string[] = [];
  for (const v of pair) {
    withOverrides(variants[v]!.data, tasks[0]!.overrides);
    factors.forEach((f, i) => {
      for (const [end, x] of [['low', f.lo], ['high', f.hi]] as const) {
        const at = tasks[0]!.overrides.map(([p, y], j): [string, number | string | boolean] => [p, j === i ? x : y]);
        try {
          withOverrides(variants[v]!.data, at);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          for (const l of e.lines) problems.push(`${f.path} at the ${end} end of its range (${x})${pair.length > 1 ? ` in variant ${variants[v]!.name}` : ''}: ${l}`);
        }
      }
    });
  }
  if (problems.length) throw new UserError([...new Set(problems)]);
  const header = 'point,variant,replicate,seed,metric,value\n';
  const rows = (r: RunRecord) => Object.entries(r.metrics).map(([m, v]) => `${r.point},${r.variant},${r.replicate},${r.seed},${m},${v}\n`).join('');
  const records = await execute(tasks, {
    outDir: opts.outDir,
    workers: opts.workers,
    resume: opts.resume,
    manifest: {
      kind: 'sensitivity',
      method: opts.method,
      fingerprint: createHash('sha256').update(JSON.stringify(variants.map((v) => [v.name, v.scenario]))).digest('hex').slice(0, 16),
      factors,
      decision: opts.variant ? [opts.variant, opts.against] : null,
      seeds,
      design: opts.method === 'morris' ? { trajectories: opts.trajectories } : { samples: opts.samples },
      scale: opts.scale ?? null,
      weeks: opts.weeks ?? null,
    },
    rows,
    header,
    partialName: 'sensitivity.partial.csv',
    progress: opts.progress,
    batch: opts.batch,
  });

  // One value per run of each output: a total, or the paired decision difference.
  const perRun = (output: string) =>
    points.map((_, point) =>
      seeds.map((_, r) => {
        const at = (v: number) => records[(point * pair.length + v) * seeds.length + r]!;
        const a = outputOf(at(0).metrics, output);
        return pair.length === 2 ? a - outputOf(at(1).metrics, output) : a;
      }),
    );
  const indices: SensitivityResult['indices'] = {};
  const seedVarianceShare: Record<string, number> = {};
  const decisions: Record<string, DecisionSummary> = {};
  const pointMeans: Record<string, number[]> = {};
  for (const output of opts.outputs) {
    const runs = perRun(output);
    const y = runs.map((xs) => mean(xs)!);
    pointMeans[output] = y;
    const within = seeds.length > 1 ? mean(runs, (xs) => variance(xs) ?? 0)! : Number.NaN;
    const all = variance(runs.flat()) ?? 0;
    seedVarianceShare[output] = Number.isNaN(within) ? Number.NaN : all > 0 ? Number((within / all).toFixed(4)) : 0;
    if (opts.method === 'morris') {
      const m = morrisIndices(design as ReturnType<typeof morrisDesign>, y, { bootstrap: opts.bootstrap, seed: seed0 });
      indices[output] = m.map((x, i) => ({ parameter: factors[i]!.path, mu: x.mu, muStar: x.muStar, sigma: x.sigma, muStarLo: x.muStarLo, muStarHi: x.muStarHi }));
      if (pair.length === 2) decisions[output] = decisionSummary(y, m.map((x) => x.muStar), factors);
    } else {
      const split = (design as ReturnType<typeof saltelliDesign>).split(y);
      const s = sobolIndices(split.yA, split.yB, split.yAB, { bootstrap: opts.bootstrap, seed: seed0 });
      indices[output] = s.map((x, i) => ({ parameter: factors[i]!.path, ...x }));
      if (pair.length === 2) decisions[output] = decisionSummary(y, split.yAB.map((col) => 3 * mean(col, (v, r) => Math.abs(v - split.yA[r]!))!), factors);
    }
  }

  const result: SensitivityResult = {
    method: opts.method,
    scenario: variants[0]!.scenario.name,
    factors,
    outputs: opts.outputs,
    decision: opts.variant ? { variant: opts.variant, against: opts.against! } : null,
    replicates: seeds.length,
    seeds,
    scale: opts.scale ?? null,
    runs: tasks.length,
    indices,
    seedVarianceShare,
    decisions,
  };
  writeFileAtomic(join(opts.outDir, 'sensitivity.json'), `${JSON.stringify(result, null, 2)}\n`);
  // Tidy rows: one per output, parameter and index.
  const tidy = ['method,output,parameter,index,value'];
  for (const [output, list] of Object.entries(indices))
    for (const row of list) for (const [key, v] of Object.entries(row)) if (key !== 'parameter') tidy.push(`${opts.method},${output},${row.parameter},${key},${v}`);
  writeFileAtomic(join(opts.outDir, 'sensitivity.csv'), `${tidy.join('\n')}\n`);
  const designRows = [`point,${factors.map((f) => f.path).join(',')}`, ...points.map((u, i) => `${i},${values(u).join(',')}`)];
  writeFileAtomic(join(opts.outDir, 'design.csv'), `${designRows.join('\n')}\n`);
  // The mean output of each design point (over its seeds), beside its inputs: for scatter plots.
  const pointRows = [`point,${opts.outputs.join(',')}`, ...points.map((_, i) => `${i},${opts.outputs.map((o) => pointMeans[o]![i]).join(',')}`)];
  writeFileAtomic(join(opts.outDir, 'points.csv'), `${pointRows.join('\n')}\n`);
  if (opts.parquet) {
    const cols = { method: [] as string[], output: [] as string[], parameter: [] as string[], index: [] as string[], value: [] as number[] };
    for (const line of tidy.slice(1)) {
      const [m, o, p, k, v] = line.split(',');
      cols.method.push(m!);
      cols.output.push(o!);
      cols.parameter.push(p!);
      cols.index.push(k!);
      cols.value.push(Number(v));
    }
    await writeTidyParquet(join(opts.outDir, 'sensitivity.parquet'), { ...cols, value: Float64Array.from(cols.value) });
  }
  return result;
}

function decisionSummary(y: number[], swing: number[], factors: Factor[]): DecisionSummary {
  const m = mean(y)!;
  const sorted = [...y].sort((a, b) => a - b);
  return {
    mean: m,
    p05: quantileSorted(sorted, 0.05)!,
    p95: quantileSorted(sorted, 0.95)!,
    shareOpposite: y.filter((v) => Math.sign(v) !== Math.sign(m) && v !== 0).length / y.length,
    swings: factors
      .map((f, i) => ({ parameter: f.path, swing: swing[i]!, couldFlip: swing[i]! / 2 >= Math.abs(m) }))
      .sort((a, b) => b.swing - a.swing),
  };
}

/** The result as text: the parameters that matter most for each output. */
export function sensitivityTable(r: SensitivityResult, top = 12): string {
  const lines = [
    `lintas sensitivity (${r.method}): ${r.scenario}, ${r.factors.length} parameters, ${r.runs} runs (${r.replicates} seed(s) per design point${r.decision ? `, decision ${r.decision.variant} − ${r.decision.against}` : ''})`,
  ];
  const key = r.method === 'morris' ? 'muStar' : 'ST';
  for (const output of r.outputs) {
    const list = [...r.indices[output]!].sort((a, b) => Number(b[key]) - Number(a[key]));
    const noise = r.seedVarianceShare[output]!;
    const noiseText = Number.isFinite(noise) ? `seed noise is ${(100 * noise).toFixed(0)}% of the variance of single runs` : 'seed noise not measured (one seed per design point; use --replicates 2 or more)';
    lines.push('', `${output}${r.decision ? ` (${r.decision.variant} − ${r.decision.against})` : ''}: ranked by ${key === 'muStar' ? 'μ* (mean absolute elementary effect)' : 'total Sobol index ST'}; ${noiseText}`);
    const d = r.decisions[output];
    if (d) {
      const flips = d.swings.filter((x) => x.couldFlip).map((x) => x.parameter);
      lines.push(
        `  the decision averages ${fmt(d.mean)} over the design (5–95%: ${fmt(d.p05)} to ${fmt(d.p95)}); opposite sign at ${(100 * d.shareOpposite).toFixed(0)}% of design points`,
        `  could flip it alone (half its swing ≥ |mean|): ${flips.length ? flips.join(', ') : 'none'}`,
      );
    }
    for (const row of list.slice(0, top)) {
      const cells =
        r.method === 'morris'
          ? `μ* ${fmt(row.muStar)}  σ ${fmt(row.sigma)}  μ ${fmt(row.mu)}`
          : `S1 ${fmt(row.S1)} [${fmt(row.S1lo)}, ${fmt(row.S1hi)}]  ST ${fmt(row.ST)} [${fmt(row.STlo)}, ${fmt(row.SThi)}]`;
      lines.push(`  ${String(row.parameter).padEnd(44)}${cells}`);
    }
  }
  return lines.join('\n');
}

const fmt = (x: unknown) => {
  const v = Number(x);
  return Number.isFinite(v) ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3)) : '—';
};
