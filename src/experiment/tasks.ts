/**
 * A task is one simulation run of a comparison or sweep: which scenario (a variant, or the base
 * with parameter overrides), which seed, which scale. The same function runs it in the main
 * thread or in a worker, so results cannot depend on where they ran.
 */
import { produce } from 'immer';
import { SpinUps } from '../model/fork.js';
import { FLOW_METRICS, STOCK_METRICS } from '../model/metrics.js';
import { simulate } from '../model/model.js';
import { parseScenario, readScenarioFile, type Scenario } from '../scenario/load.js';
import { setPath } from '../scenario/paths.js';
import { resolveVariants, type ResolvedVariant } from '../scenario/variants.js';
import { summarize, type Summary } from './outputs.js';

export interface Task {
  file: string;
  /** Index into the resolved variants (compare, sensitivity), or -1: the file as given with overrides (sweep). */
  variant: number;
  /** Scenario paths set for this run (sweep and sensitivity design points). */
  overrides: [string, number | string | boolean][];
  /** Design point (sensitivity) or portfolio (decide), part of the key. */
  point?: number;
  /** Measures appended to the scenario's interventions for this run (decide's portfolios). */
  interventions?: AddedMeasure[];
  /** The run's name in its record, instead of the variant's (decide: the portfolio). */
  name?: string;
  replicate: number;
  seed: number;
  scale?: number;
  weeks?: number;
}

/** Weekly series kept from each run, for the report's bands over replicates. */
export const WEEKLY_METRICS = ['crossings_regular', 'crossings_colluded', 'crossings_informal', 'trafficked', 'identified', 'deportations_sabah', 'police_reports', 'detained_sabah', 'detained_sarawak', 'stock_detained', 'register_victims'] as const;

/** A measure a run adds to its scenario: an intervention entry as a scenario lists it. */
export interface AddedMeasure {
  kind: string;
  start: string;
  intensity: number;
  costPerYearIdr?: number;
}

export interface RunRecord {
  key: string;
  weekly?: Record<string, number[]>;
  variant: string;
  point: number;
  replicate: number;
  seed: number;
  metrics: Record<string, number>;
  /** Each flow's total per calendar year (persons), for targets that name years (calibration). */
  perYear?: Record<string, Record<string, number>>;
  /** Counts per crossing and province per year (summary.json's perPlace), for targets with a place. */
  perPlace?: Summary['perPlace'];
}

/** The figures kept from each run: every flow total, end stocks, and migrant crossings per crossing. */
export function runMetrics(s: Summary): Record<string, number> {
  const out: Record<string, number> = { ...s.totals };
  for (const [k, v] of Object.entries(s.final)) out[`final_${k}`] = v;
  for (const [id, c] of Object.entries(s.perCrossing)) out[`flow_${id}`] = c.regular + c.colluded + c.informal;
  // Persons a day through each crossing while it is open, the unit in which posts report volumes.
  for (const [id, c] of Object.entries(s.perCrossing)) out[`perday_${id}`] = c.perDayWhenOpen;
  return out;
}

/**
 * The names runMetrics gives for a scenario, known before any run: every flow total, `final_` and
 * each stock, and `flow_` and `perday_` of each crossing. Options that name a run metric
 * (sensitivity --outputs) are checked against them before the first run.
 */
export function runMetricNames(s: Pick<Scenario, 'crossings'>): string[] {
  const ids = s.crossings.map((c) => c.id);
  return [...FLOW_METRICS, ...STOCK_METRICS.map((m) => `final_${m}`), ...ids.map((id) => `flow_${id}`), ...ids.map((id) => `perday_${id}`)];
}

const dataCache = new Map<string, unknown>();
const variantCache = new Map<string, ResolvedVariant[]>();

async function scenarioData(file: string): Promise<unknown> {
  if (!dataCache.has(file)) dataCache.set(file, await readScenarioFile(file));
  return dataCache.get(file);
}

export async function variantsOf(file: string): Promise<ResolvedVariant[]> {
  if (!variantCache.has(file)) variantCache.set(file, resolveVariants(await scenarioData(file)));
  return variantCache.get(file)!;
}

/** Scenario data with each override set (a {value, source} keeps its source) and any measures added, validated. */
export function withOverrides(data: unknown, overrides: Task['overrides'], added: readonly AddedMeasure[] = []): Scenario {
  const changed = produce(data as Record<string, unknown>, (d) => {
    delete d.variants;
    if (added.length) d.interventions = [...((d.interventions as unknown[] | undefined) ?? []), ...added.map((m) => ({ ...m }))];
    for (const [path, value] of overrides) {
      // A parameter the file leaves at its default (absent from `params`) is added; parsing checks its name.
      const param = /^params\.([A-Za-z_]\w*)$/.exec(path);
      const params = d.params as Record<string, unknown> | undefined;
      if (param && params && typeof params === 'object' && !Object.hasOwn(params, param[1]!)) params[param[1]!] = value;
      else setPath(d, path, value);
    }
  });
  return parseScenario(changed);
}

/** The scenario a sweep point runs: the base with each override set. */
export async function sweepScenario(file: string, overrides: Task['overrides']): Promise<Scenario> {
  return withOverrides(await scenarioData(file), overrides);
}

/**
 * Scenarios with overrides, as validated for the last few tasks: a sweep point or a sensitivity
 * design point runs its replicates one after another, so a worker validates it once, not per seed.
 */
const recentScenarios = new Map<string, Scenario>();
const RECENT = 8;

async function taskScenario(task: Task): Promise<Scenario> {
  const key = `${task.file}\0${task.variant}\0${JSON.stringify(task.overrides)}\0${JSON.stringify(task.interventions ?? [])}`;
  const hit = recentScenarios.get(key);
  if (hit) return hit;
  const scenario = task.variant >= 0 ? withOverrides((await variantsOf(task.file))[task.variant]!.data, task.overrides, task.interventions) : await sweepScenario(task.file, task.overrides);
  if (recentScenarios.size >= RECENT) recentScenarios.delete(recentScenarios.keys().next().value!);
  recentScenarios.set(key, scenario);
  return scenario;
}

/**
 * Spin-ups kept in this thread for the next runs that share them (model/fork.ts): the variants of
 * a comparison run one replicate after another (executor.ts), so the few kept per replicate are
 * reused by every variant. At most SPIN_UP_BUDGET_BYTES per thread: about 5 MB a world at
 * --scale 20, 82 MB at full scale.
 */
export const SPIN_UP_BUDGET_BYTES = 128 * 2 ** 20;
const spinUps = new SpinUps(SPIN_UP_BUDGET_BYTES);

export async function runTask(task: Task): Promise<RunRecord> {
  let scenario: Scenario;
  let name: string;
  if (task.variant >= 0) {
    const v = (await variantsOf(task.file))[task.variant]!;
    scenario = task.overrides.length || task.interventions?.length ? await taskScenario(task) : v.scenario;
    name = task.name ?? v.name;
  } else {
    scenario = await taskScenario(task);
    name = 'sweep';
  }
  const model = simulate(scenario, { seed: task.seed, scale: task.scale ?? scenario.scale, weeks: task.weeks, spinUps });
  const summary = summarize(model);
  return {
    key: taskKey(task),
    variant: name,
    point: task.variant,
    replicate: task.replicate,
    seed: task.seed,
    metrics: runMetrics(summary),
    perYear: summary.perYear,
    perPlace: summary.perPlace,
    weekly: Object.fromEntries(WEEKLY_METRICS.map((m) => [m, Array.from(model.series(m))])),
  };
}

export function taskKey(t: Task): string {
  if (t.point !== undefined) return `s${t.point}:v${t.variant}:r${t.replicate}`;
  return t.variant >= 0 ? `v${t.variant}:r${t.replicate}` : `p${JSON.stringify(t.overrides)}:r${t.replicate}`;
}
