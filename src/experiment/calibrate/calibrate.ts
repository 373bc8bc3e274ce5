/**
 * `lintas calibrate`: fit a handful of uncertain parameters to the observed figures of a targets
 * file by ABC-SMC (abc.ts) or by history matching (history-fit.ts), then check the fit out of
 * sample. Every simulation is a run task through the shared executor: each ABC batch or
 * history-matching wave is one experiment in its own folder under OUT/runs/ (journal and
 * manifest), so `--resume` skips finished runs and, because proposals come from seeded streams,
 * proposes the same candidates again. Writes posterior.csv (and posterior.parquet), predictive.csv
 * and calibration.json with provenance and per-generation tolerances or per-wave history.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { lastSeedPastSafe } from '../../scenario/limits.js';
import { readScenarioFile } from '../../scenario/load.js';
import { getPath } from '../../scenario/paths.js';
import { execute } from '../executor.js';
import { readPriors } from '../sensitivity/priors.js';
import { parseParamSpec } from '../sweep.js';
import { type RunRecord, type Task, variantsOf } from '../tasks.js';
import { abcSmc, boxPrior, resample } from './abc.js';
import { checkEnsemble } from './check.js';
import { type Batch, fitHistory } from './history-fit.js';
import { type CalibrationResult, type Factor, type Particle, round12, type Scored, summarisePosterior, writeOutputs } from './result.js';
import { distance, missing, type Period, readTargets, type Target, targetValue } from './targets.js';
import { targetProblems } from './target-check.js';

export { type CalibrationResult, calibrationTable, type Factor } from './result.js';

/** Parameters fitted by default: the departure hazard and the rates behind the fitted figures (identification, raids in Sabah and Sarawak). */
export const DEFAULT_PARAMS = ['params.h0', 'params.ngoOutreach', 'params.selfReport', 'params.raidRateSabah', 'params.raidRateSarawak'];

/**
 * What calibrate takes: the scenario file, a targets file of observed figures, the parameters to fit (default
 * DEFAULT_PARAMS), which targets to fit or hold out, the method and its settings (ABC-SMC: particles, generations,
 * quantile; history matching: waves, runs per wave, cut-off, discrepancy), seed, scale, workers, the output folder and
 * whether to resume.
 */
export interface CalibrateOptions {
  /** 'abc-smc' (default) or 'history' (history matching with emulators, then importance sampling inside NROY). */
  method?: 'abc-smc' | 'history';
  file: string;
  targets: string;
  /** PATH=lo..hi (uniform), PATH alone for a parameter whose scenario entry carries a range, or a priors file (.csv/.json/.yaml). */
  params: string[];
  /** Only targets inside these years are fitted; the other fitted rows are held out. */
  fitYears?: [number, number];
  /** Target ids held out even if the file fits them. */
  holdOut: string[];
  /** ABC-SMC: particles per generation. Both methods: posterior draws run for the check. */
  particles: number;
  generations: number;
  quantile: number;
  /**
   * History matching: waves (default 3), runs per wave (default 200), implausibility cut-off (default 3), model-discrepancy
   * SD on the log scale (default 0.1), and how the targets' implausibilities combine (default the second largest).
   */
  waves?: number;
  runsPerWave?: number;
  cutoff?: number;
  discrepancy?: number;
  combine?: 'second' | 'max';
  seed?: number;
  scale?: number;
  workers: number;
  outDir: string;
  resume: boolean;
  progress?: boolean;
  /** Seeds of the hand-set baseline in the check. */
  baselineRuns: number;
}

/** The posterior predictive runs' seeds start this far above the base seed (past every ABC batch's). */
const PREDICTIVE_SEED_OFFSET = 900_000_000;

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

/** What a fitting method gives back: weighted particles, the prior ensemble's runs for the check, and its own record. */
interface Fit {
  particles: Particle[];
  prior: (number | undefined)[][];
  record: Pick<CalibrationResult, 'generations' | 'waves' | 'history'>;
}

/**
 * Fits a few parameters of a scenario to observed figures by ABC-SMC or history matching, then checks prior, hand-set
 * and posterior ensembles against the targets, held-out ones included. Writes posterior.csv, posterior.parquet,
 * predictive.csv and calibration.json (each batch's runs under runs/) to `outDir`; docs/calibration.md explains the methods.
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

  // Which targets the runs can give is known after the first batch; the methods fit those.
  let scored: boolean[] | undefined;
  const fitIdx = () => targets.map((t, k) => (t.role === 'fit' && scored![k] ? k : -1)).filter((k) => k >= 0);
  const batch: Batch = async (name, thetas, seedOf) => {
    const values = await run(name, thetas.map((th, i) => task(i, seedOf(i), th)));
    if (!scored) {
      scored = targets.map((_, k) => values.every((v) => v[k] !== undefined));
      if (!fitIdx().length) throw new UserError([`${o.targets}: the runs give none of the fitted targets (${targets.filter((t) => t.role === 'fit').map((t) => `${t.id}: ${missing(t)}`).join('; ')})`]);
    }
    return values;
  };

  const fit =
    o.method === 'history'
      ? await historyOf(factors, targets, fitIdx, batch, o, seed0)
      : await abcOf(factors, targets, fitIdx, batch, o, seed0);

  // Out-of-sample check: fresh runs for the hand-set baseline and for draws from the posterior.
  const baseline = await run('baseline', Array.from({ length: o.baselineRuns }, (_, i) => task(i, seed0 + i)));
  const pick = fit.particles.length ? resample(fit.particles.map((p) => p.weight), o.particles, seed0) : [];
  const predictive = pick.length ? await run('predictive', pick.map((j, i) => task(i, seed0 + PREDICTIVE_SEED_OFFSET + i, fit.particles[j]!.theta))) : [];
  const keep = targets.map((_, k) => scored![k]!);
  const only = (rows: (number | undefined)[][]) => rows.map((v) => v.filter((_, k) => keep[k]) as number[]);
  const kept = targets.filter((_, k) => keep[k]);
  const check = [
    checkEnsemble('prior', kept, only(fit.prior), fit.prior.map(() => 1), seed0, o.fitYears?.[1]),
    checkEnsemble('hand-set', kept, only(baseline), baseline.map(() => 1), seed0, o.fitYears?.[1]),
    ...(predictive.length ? [checkEnsemble('posterior', kept, only(predictive), predictive.map(() => 1), seed0, o.fitYears?.[1])] : []),
  ];

  const result: CalibrationResult = {
    method: o.method ?? 'abc-smc',
    scenario: base.name,
    provenance: { scenarioFile: o.file, scenarioHash, targetsFile: o.targets, targetsHash: targetFile.hash, seed: seed0, scale: o.scale ?? null },
    factors,
    fitted: kept.filter((t) => t.role === 'fit').map((t) => t.id),
    heldOut: kept.filter((t) => t.role === 'holdout').map((t) => t.id),
    unscored: targets.filter((_, k) => !keep[k]).map((t) => ({ id: t.id, reason: missing(t) })),
    ...fit.record,
    posterior: summarisePosterior(factors, fit.particles),
    check,
    runs,
    seconds: Math.round((performance.now() - started) / 1000),
  };
  await writeOutputs(o.outDir, result, fit.particles, kept, check);
  return result;
}

/** ABC-SMC over the box prior; each batch's distance is over the fitted targets the runs give. */
async function abcOf(factors: Factor[], targets: Scored[], fitIdx: () => number[], batch: Batch, o: CalibrateOptions, seed0: number): Promise<Fit> {
  const simulate = async (thetas: number[][], where: { generation: number; batch: number }) => {
    // Every simulation its own seed, so the posterior integrates over the model's noise.
    const seedOf = (i: number) => seed0 + 1 + where.generation * 1_000_000 + where.batch * 20_000 + i;
    const values = await batch(`g${where.generation}-b${where.batch}`, thetas, seedOf);
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
  return {
    particles: gens[gens.length - 1]!.particles,
    prior: gens[0]!.particles.map((p) => p.out),
    record: { generations: gens.map((g) => ({ epsilon: Number.isFinite(g.epsilon) ? g.epsilon : null, proposed: g.proposed, accepted: g.particles.length, ess: Number(g.ess.toFixed(2)) })) },
  };
}

/** History matching in waves, then the importance-sampled posterior inside NROY (history-fit.ts). */
async function historyOf(factors: Factor[], targets: Scored[], fitIdx: () => number[], batch: Batch, o: CalibrateOptions, seed0: number): Promise<Fit> {
  const h = await fitHistory(factors, targets, fitIdx, batch, {
    waves: o.waves ?? 3,
    runsPerWave: o.runsPerWave ?? 200,
    cutoff: o.cutoff ?? 3,
    discrepancy: o.discrepancy ?? 0.1,
    combine: o.combine ?? 'second',
    seed: seed0,
    progress: o.progress,
  });
  return { particles: h.particles, prior: h.prior, record: { waves: h.waves, history: h.summary } };
}
