/**
 * `lintas calibrate`: fit a handful of uncertain parameters to the observed figures of a targets
 * file by ABC-SMC (abc.ts), then check the fit out of sample. Every simulation is a run task
 * through the shared executor: each ABC batch is one experiment in its own folder under
 * OUT/runs/ (journal and manifest), so `--resume` skips finished runs and, because proposals come
 * from seeded streams, proposes the same candidates again. Writes posterior.csv (and
 * posterior.parquet), predictive.csv and calibration.json with provenance and per-generation
 * tolerances.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { lastSeedPastSafe } from '../../scenario/limits.js';
import { readScenarioFile } from '../../scenario/load.js';
import { getPath } from '../../scenario/paths.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { execute } from '../executor.js';
import { readPriors } from '../sensitivity/priors.js';
import { parseParamSpec } from '../sweep.js';
import { type RunRecord, type Task, variantsOf } from '../tasks.js';
import { abcSmc, boxPrior, type Generation, resample, weightedMean, weightedQuantile } from './abc.js';
import { checkEnsemble, type EnsembleCheck } from './check.js';
import { writeColumnsParquet } from './parquet.js';
import { distance, missing, type Period, readTargets, type Target, targetValue } from './targets.js';
import { targetProblems } from './target-check.js';

/** Parameters fitted by default: the departure hazard and the rates behind the fitted figures (identification, raids in Sabah and Sarawak). */
export const DEFAULT_PARAMS = ['params.h0', 'params.ngoOutreach', 'params.selfReport', 'params.raidRateSabah', 'params.raidRateSarawak'];

/**
 * What calibrate takes: the scenario file, a targets file of observed figures, the parameters to fit (default
 * DEFAULT_PARAMS), which targets to fit or hold out, the ABC-SMC settings (particles, generations, quantile), seed,
 * scale, workers, the output folder and whether to resume.
 */
export interface CalibrateOptions {
  file: string;
  targets: string;
  /** PATH=lo..hi (uniform), PATH alone for a parameter whose scenario entry carries a range, or a priors file (.csv/.json/.yaml). */
  params: string[];
  /** Only targets inside these years are fitted; the other fitted rows are held out. */
  fitYears?: [number, number];
  /** Target ids held out even if the file fits them. */
  holdOut: string[];
  particles: number;
  generations: number;
  quantile: number;
  seed?: number;
  scale?: number;
  workers: number;
  outDir: string;
  resume: boolean;
  progress?: boolean;
  /** Seeds of the hand-set baseline in the check. */
  baselineRuns: number;
}

export interface Factor {
  path: string;
  lo: number;
  hi: number;
  /** The scenario's own (hand-set) value. */
  handSet: number;
  /** Log-uniform prior (from a priors file). */
  log?: boolean;
}

type Scored = Target & { role: 'fit' | 'holdout' };

/**
 * What calibrate returns and writes as calibration.json: provenance, the fitted parameters and targets (fitted, held out,
 * unscored), each generation's tolerance, each parameter's posterior (mean, sd, 5/50/95% quantiles, the hand-set value)
 * and the out-of-sample check.
 */
export interface CalibrationResult {
  method: 'abc-smc';
  scenario: string;
  provenance: { scenarioFile: string; scenarioHash: string; targetsFile: string; targetsHash: string; seed: number; scale: number | null; command?: string };
  factors: Factor[];
  fitted: string[];
  heldOut: string[];
  /** Targets the runs cannot give yet, with the reason. */
  unscored: { id: string; reason: string }[];
  generations: { epsilon: number | null; proposed: number; accepted: number; ess: number }[];
  posterior: { path: string; mean: number; sd: number; q05: number; q50: number; q95: number; handSet: number; lo: number; hi: number }[];
  check: EnsembleCheck[];
  runs: number;
  seconds: number;
}

/** The posterior predictive runs' seeds start this far above the base seed (past every ABC batch's). */
const PREDICTIVE_SEED_OFFSET = 900_000_000;

const round12 = (x: number) => Number(x.toPrecision(12));

/** A number at a scenario path, looking through { value, source }. */
function numberAt(data: unknown, path: string): number | undefined {
  const v = getPath(data, path);
  const x = v && typeof v === 'object' && 'value' in (v as object) ? (v as { value: unknown }).value : v;
  return typeof x === 'number' ? x : undefined;
}

/** Priors from a priors file (as `lintas sensitivity --params FILE`); calibration takes uniform and log-uniform ones. */
function factorsOfFile(file: string, data: unknown): Factor[] {
  return readPriors(file, data).map((p) => {
    if (p.distribution === 'triangular') throw new UserError([`--params ${file}: ${p.path}: calibration takes uniform or log-uniform priors, not triangular`]);
    return { path: p.path, lo: p.lo, hi: p.hi, handSet: numberAt(data, p.path)!, ...(p.distribution === 'loguniform' ? { log: true } : {}) };
  });
}

export function factorsOf(specs: string[], data: unknown, ranges: Readonly<Record<string, readonly [number, number] | undefined>>): Factor[] {
  const list = specs.length ? specs : DEFAULT_PARAMS;
  const factors = list.flatMap((spec): Factor | Factor[] => {
    if (!spec.includes('=') && /\.(csv|json|ya?ml)$/i.test(spec)) return factorsOfFile(spec, data);
    const path = spec.includes('=') ? parseParamSpec(spec).path : spec.trim();
    const handSet = numberAt(data, path);
    if (handSet === undefined) throw new UserError([`--params ${path}: not a number in the scenario`]);
    if (spec.includes('=')) {
      const p = parseParamSpec(spec);
      if (!('lo' in p)) throw new UserError([`--params ${spec}: calibration needs a range PATH=lo..hi`]);
      return { path, lo: p.lo, hi: p.hi, handSet };
    }
    const r = path.startsWith('params.') ? ranges[path.slice(7)] : undefined;
    if (!r || !(r[1] > r[0])) throw new UserError([`--params ${path}: the scenario gives it no range; write ${path}=lo..hi`]);
    return { path, lo: r[0], hi: r[1], handSet };
  });
  const seen = new Set<string>();
  for (const f of factors) {
    if (seen.has(f.path)) throw new UserError([`--params ${f.path}: listed twice`]);
    seen.add(f.path);
  }
  return factors;
}

/** Fit or held out, after --fit-years and --hold-out; rows that set inputs are left out. */
function rolesOf(targets: Target[], o: CalibrateOptions): Scored[] {
  const ids = new Set(targets.map((t) => t.id));
  for (const id of o.holdOut) if (!ids.has(id)) throw new UserError([`--hold-out ${id}: no target with that id in ${o.targets}`]);
  return targets
    .filter((t): t is Scored => t.role !== 'input')
    .map((t) => {
      const inYears = !o.fitYears || (Number(t.from.slice(0, 4)) >= o.fitYears[0] && Number(t.to.slice(0, 4)) <= o.fitYears[1]);
      return { ...t, role: t.role === 'fit' && inYears && !o.holdOut.includes(t.id) ? 'fit' : 'holdout' };
    });
}

/** Reported weeks of a run: week starts from the scenario's start through its end. */
const periodOf = (s: { start: string; end: string }): Period => ({ start: s.start, weeks: Math.floor((Date.parse(s.end) - Date.parse(s.start)) / (7 * 86_400_000)) + 1 });

/**
 * Fits a few parameters of a scenario to observed figures by ABC-SMC, then checks prior, hand-set and posterior ensembles
 * against the targets, held-out ones included. Writes posterior.csv, posterior.parquet, predictive.csv and calibration.json
 * (each batch's runs under runs/) to `outDir`; docs/calibration.md explains the method.
 */
export async function calibrate(o: CalibrateOptions): Promise<CalibrationResult> {
  const started = performance.now(); // reported to the user only, never written to an output
  const data = await readScenarioFile(o.file);
  const base = (await variantsOf(o.file))[0]!.scenario;
  const scenarioHash = createHash('sha256').update(JSON.stringify(base)).digest('hex');
  const targetFile = readTargets(o.targets);
  // Checked against the scenario before any run: a bad row would otherwise fail (or be mis-scored) hours in.
  const provinces = [...new Set([...base.crossings, ...base.hubs].map((x) => x.province).filter((p): p is string => !!p))];
  const problems = targetProblems(targetFile.targets, o.targets, { start: base.start, end: base.end, crossings: base.crossings.map((c) => c.id), provinces });
  if (problems.length) throw new UserError(problems);
  const targets = rolesOf(targetFile.targets, o);
  if (!targets.some((t) => t.role === 'fit')) throw new UserError([`${o.targets}: no target left to fit (check --fit-years and --hold-out)`]);
  const factors = factorsOf(o.params, data, base.paramRanges);
  const seed0 = o.seed ?? base.seed;
  // The posterior's runs take seeds up to seed + 900,000,000 + particles: checked exactly, before any run.
  if (lastSeedPastSafe(seed0, PREDICTIVE_SEED_OFFSET + o.particles))
    throw new UserError([`${o.seed === undefined ? 'seed' : '--seed'}: seed ${seed0} + ${(PREDICTIVE_SEED_OFFSET + o.particles).toLocaleString('en-US')} (the seeds a calibration takes) goes past 2^53 - 1, where seeds stop being distinct integers`]);
  const period = periodOf(base);
  let runs = 0;

  /** Runs tasks in their own resumable folder; one value per target (undefined where a run cannot give it). */
  const run = async (name: string, tasks: Task[]): Promise<(number | undefined)[][]> => {
    const records = await execute(tasks, {
      outDir: join(o.outDir, 'runs', name),
      workers: o.workers,
      resume: o.resume,
      manifest: { kind: 'calibrate', scenarioHash, scale: o.scale ?? null, tasks: tasks.map((t) => [t.seed, t.overrides]) },
      rows: (r: RunRecord) => `${r.point},${r.seed},${targets.map((t) => targetValue(t, r, period) ?? '').join(',')}\n`,
      header: `point,seed,${targets.map((t) => t.id).join(',')}\n`,
      partialName: 'targets.partial.csv',
      progress: o.progress,
    });
    runs += tasks.length;
    return records.map((r) => targets.map((t) => targetValue(t, r, period)));
  };
  const task = (point: number, seed: number, theta?: number[]): Task => ({
    file: o.file,
    variant: -1,
    overrides: theta ? factors.map((f, d) => [f.path, round12(theta[d]!)]) : [],
    point,
    replicate: 0,
    seed,
    scale: o.scale,
  });

  // Which targets the runs can give is known after the first batch; the distance uses those fitted.
  let scored: boolean[] | undefined;
  const fitIdx = () => targets.map((t, k) => (t.role === 'fit' && scored![k] ? k : -1)).filter((k) => k >= 0);
  const simulate = async (thetas: number[][], where: { generation: number; batch: number }) => {
    // Every simulation its own seed, so the posterior integrates over the model's noise.
    const seedOf = (i: number) => seed0 + 1 + where.generation * 1_000_000 + where.batch * 20_000 + i;
    const values = await run(`g${where.generation}-b${where.batch}`, thetas.map((th, i) => task(i, seedOf(i), th)));
    if (!scored) {
      scored = targets.map((_, k) => values.every((v) => v[k] !== undefined));
      if (!fitIdx().length) throw new UserError([`${o.targets}: the runs give none of the fitted targets (${targets.filter((t) => t.role === 'fit').map((t) => `${t.id}: ${missing(t)}`).join('; ')})`]);
    }
    const fit = fitIdx();
    return values.map((v) => ({ distance: distance(fit.map((k) => targets[k]!), fit.map((k) => v[k]!)), out: v }));
  };

  const gens = await abcSmc(boxPrior(factors), simulate, {
    particles: o.particles,
    generations: o.generations,
    quantile: o.quantile,
    seed: seed0,
    onGeneration: (g, i) => {
      if (o.progress) process.stderr.write(`generation ${i}: tolerance ${Number.isFinite(g.epsilon) ? g.epsilon.toFixed(3) : '∞'}, ${g.particles.length} of ${g.proposed} accepted, ESS ${g.ess.toFixed(0)}\n`);
    },
  });
  const post = gens[gens.length - 1]!;
  const w = post.particles.map((p) => p.weight);

  // Out-of-sample check: fresh runs for the hand-set baseline and for draws from the posterior.
  const baseline = await run('baseline', Array.from({ length: o.baselineRuns }, (_, i) => task(i, seed0 + i)));
  const pick = resample(w, o.particles, seed0);
  const predictive = await run('predictive', pick.map((j, i) => task(i, seed0 + PREDICTIVE_SEED_OFFSET + i, post.particles[j]!.theta)));
  const keep = targets.map((_, k) => scored![k]!);
  const only = (rows: (number | undefined)[][]) => rows.map((v) => v.filter((_, k) => keep[k]) as number[]);
  const kept = targets.filter((_, k) => keep[k]);
  const check = [
    checkEnsemble('prior', kept, only(gens[0]!.particles.map((p) => p.out)), gens[0]!.particles.map(() => 1), seed0),
    checkEnsemble('hand-set', kept, only(baseline), baseline.map(() => 1), seed0),
    checkEnsemble('posterior', kept, only(predictive), predictive.map(() => 1), seed0),
  ];

  const result: CalibrationResult = {
    method: 'abc-smc',
    scenario: base.name,
    provenance: { scenarioFile: o.file, scenarioHash, targetsFile: o.targets, targetsHash: targetFile.hash, seed: seed0, scale: o.scale ?? null },
    factors,
    fitted: kept.filter((t) => t.role === 'fit').map((t) => t.id),
    heldOut: kept.filter((t) => t.role === 'holdout').map((t) => t.id),
    unscored: targets.filter((_, k) => !keep[k]).map((t) => ({ id: t.id, reason: missing(t) })),
    generations: gens.map((g) => ({ epsilon: Number.isFinite(g.epsilon) ? g.epsilon : null, proposed: g.proposed, accepted: g.particles.length, ess: Number(g.ess.toFixed(2)) })),
    posterior: factors.map((f, d) => {
      const xs = post.particles.map((p) => p.theta[d]!);
      const m = weightedMean(xs, w);
      return {
        path: f.path,
        mean: m,
        sd: Math.sqrt(weightedMean(xs.map((x) => (x - m) ** 2), w)),
        q05: weightedQuantile(xs, w, 0.05),
        q50: weightedQuantile(xs, w, 0.5),
        q95: weightedQuantile(xs, w, 0.95),
        handSet: f.handSet,
        lo: f.lo,
        hi: f.hi,
      };
    }),
    check,
    runs,
    seconds: Math.round((performance.now() - started) / 1000),
  };
  await writeOutputs(o.outDir, result, gens, kept, check);
  return result;
}

async function writeOutputs(dir: string, r: CalibrationResult, gens: Generation<(number | undefined)[]>[], kept: Scored[], check: EnsembleCheck[]): Promise<void> {
  const post = gens[gens.length - 1]!;
  const header = ['particle', 'weight', 'distance', ...r.factors.map((f) => f.path)];
  const rows = post.particles.map((p, i) => [i, p.weight, p.distance, ...p.theta.map(round12)].join(','));
  writeFileAtomic(join(dir, 'posterior.csv'), `${[header.join(','), ...rows].join('\n')}\n`);
  const cols: Record<string, Float64Array | Int32Array> = {
    particle: Int32Array.from(post.particles, (_, i) => i),
    weight: Float64Array.from(post.particles, (p) => p.weight),
    distance: Float64Array.from(post.particles, (p) => p.distance),
  };
  r.factors.forEach((f, d) => (cols[f.path] = Float64Array.from(post.particles, (p) => round12(p.theta[d]!))));
  await writeColumnsParquet(join(dir, 'posterior.parquet'), cols);
  const pred = ['ensemble,target,role,observed,mean,lo90,hi90,relative_difference,covered,source'];
  for (const c of check)
    c.targets.forEach((t, k) => pred.push([c.ensemble, t.id, t.role, t.observed, round12(t.mean), round12(t.lo), round12(t.hi), round12(t.relativeDifference), t.covered, JSON.stringify(kept[k]!.source)].join(',')));
  writeFileAtomic(join(dir, 'predictive.csv'), `${pred.join('\n')}\n`);
  // The wall time is printed, not written: the same calibration gives the same bytes.
  const { seconds: _seconds, ...kept2 } = r;
  writeFileAtomic(join(dir, 'calibration.json'), `${JSON.stringify(kept2, null, 2)}\n`);
}

const fmt = (x: number) => (Math.abs(x) >= 1000 || (Math.abs(x) < 0.01 && x !== 0) ? x.toPrecision(3) : Number(x.toPrecision(3)).toString());
const pct = (x: number | undefined) => (x === undefined ? '—' : `${(100 * x).toFixed(0)}%`);

/** The result as text: tolerances, the posterior beside the hand-set values, and the check. */
export function calibrationTable(r: CalibrationResult): string {
  const lines = [
    `lintas calibrate (ABC-SMC): ${r.scenario}, ${r.factors.length} parameters, ${r.fitted.length} fitted and ${r.heldOut.length} held-out targets, ${r.runs} runs in ${r.seconds} s`,
    `  tolerance by generation: ${r.generations.map((g) => (g.epsilon === null ? '∞' : g.epsilon.toFixed(2))).join(' → ')}`,
    '',
    `  ${'parameter'.padEnd(28)}${'hand-set'.padStart(11)}${'posterior mean'.padStart(16)}   90% interval           prior range`,
    ...r.posterior.map((p) => `  ${p.path.padEnd(28)}${fmt(p.handSet).padStart(11)}${fmt(p.mean).padStart(16)}   ${`${fmt(p.q05)} – ${fmt(p.q95)}`.padEnd(22)} ${fmt(p.lo)} – ${fmt(p.hi)}`),
    '',
    '  averaged relative difference |sim − obs| / obs, and coverage of 90% predictive intervals:',
    `  ${'ensemble'.padEnd(12)}${'fitted ARD'.padStart(12)}${'coverage'.padStart(10)}${'held-out ARD'.padStart(14)}${'coverage'.padStart(10)}`,
    ...r.check.map((c) => `  ${c.ensemble.padEnd(12)}${pct(c.fit?.ard).padStart(12)}${pct(c.fit?.coverage).padStart(10)}${pct(c.holdout?.ard).padStart(14)}${pct(c.holdout?.coverage).padStart(10)}`),
  ];
  if (r.unscored.length) lines.push('', `  not scored (the run records do not keep them yet): ${r.unscored.map((u) => u.id).join(', ')}`);
  return lines.join('\n');
}
