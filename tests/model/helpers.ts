/** Shared fixtures for model tests: the baseline as plain data, and variants of it made with immer. */
import { produce, type Draft } from 'immer';
import { summarize, type Summary } from '../../src/experiment/outputs.js';
import { calendarPhase } from '../../src/model/calendar.js';
import { M, type MetricName } from '../../src/model/metrics.js';
import { createModel, simulate, worldOf } from '../../src/model/model.js';
import type { Params } from '../../src/model/parameters.js';
import type { World } from '../../src/model/state.js';
import { parseScenario, readScenarioFile, type Scenario } from '../../src/scenario/load.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';

let base: ScenarioInput | undefined;

export async function baselineData(): Promise<ScenarioInput> {
  base ??= (await readScenarioFile('scenarios/baseline.ts')) as ScenarioInput;
  return base;
}

/** The baseline's data with a change made by immer (plain data: it can go to a worker thread). */
export async function dataWith(change?: (d: Draft<ScenarioInput>) => void): Promise<ScenarioInput> {
  const data = await baselineData();
  return change ? produce(data, change) : data;
}

export async function scenarioWith(change?: (d: Draft<ScenarioInput>) => void): Promise<Scenario> {
  return parseScenario(await dataWith(change));
}

export interface RunOpts {
  seed?: number;
  scale?: number;
  weeks?: number;
}

/** Runs a scenario (its own seed and scale unless given) and summarises it. */
export function run(s: Scenario, opts: RunOpts): { world: World; summary: Summary } {
  const model = simulate(s, { seed: opts.seed ?? s.seed, scale: opts.scale ?? s.scale, weeks: opts.weeks });
  return { world: worldOf(model), summary: summarize(model) };
}

/** Sets a parameter, keeping its {value, source} shape. */
export function setParam(d: Draft<ScenarioInput>, name: string, value: number): void {
  (d.params as Record<string, unknown>)[name] = { value, source: 'test' };
}

/** Mean of a summary total over several seeds. */
export function meanOver(seeds: number[], s: Scenario, opts: RunOpts, metric: (x: Summary) => number): number {
  return seeds.reduce((acc, seed) => acc + metric(run(s, { ...opts, seed }).summary), 0) / seeds.length;
}

/**
 * A world of `s` before its first week, with that week's conditions set (the calendar phase), as
 * a rule's unit test wants it: scale 1000 and seed 1 unless given. Give `s` no spin-up
 * (`d.spinUpWeeks = 0`) to see a rule in a fresh world.
 */
export function firstWeek(s: Scenario, opts: { seed?: number; scale?: number } = {}): World {
  const w = worldOf(createModel(s, { seed: opts.seed ?? 1, scale: opts.scale ?? 1000 }));
  calendarPhase.run(w, w.tick);
  return w;
}

/** This week's counts so far, by metric: closes the recorder's open row, so call it once, after the rule ran. */
export function weekCounts(w: World): (name: MetricName) => number {
  w.rec.commit();
  const t = w.rec.ticks - 1;
  return (name) => w.rec.series(M[name])[t]!;
}

/**
 * Sets parameters of a built world, for a test that needs a rule's chance at a given value (the
 * model treats them as read-only; each phase reads them when it runs).
 */
export function setP(w: World, values: Partial<Record<keyof Params, number>>): void {
  Object.assign(w.fixed.p, values);
}
