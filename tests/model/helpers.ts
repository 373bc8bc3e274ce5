/** Shared fixtures for model tests: the baseline as plain data, and variants of it made with immer. */
import { produce, type Draft } from 'immer';
import { summarize, type Summary } from '../../src/experiment/outputs.js';
import { simulate, type RunOptions } from '../../src/model/simulation.js';
import type { World } from '../../src/model/world.js';
import { parseScenario, readScenarioFile, type Scenario } from '../../src/scenario/load.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';

let base: ScenarioInput | undefined;

export async function baselineData(): Promise<ScenarioInput> {
  base ??= (await readScenarioFile('scenarios/baseline.ts')) as ScenarioInput;
  return base;
}

export async function scenarioWith(change?: (d: Draft<ScenarioInput>) => void): Promise<Scenario> {
  const data = await baselineData();
  return parseScenario(change ? produce(data, change) : data);
}

export function run(s: Scenario, opts: RunOptions): { world: World; summary: Summary } {
  const world = simulate(s, opts);
  return { world, summary: summarize(world) };
}

/** Sets a parameter, keeping its {value, source} shape. */
export function setParam(d: Draft<ScenarioInput>, name: string, value: number): void {
  (d.params as Record<string, unknown>)[name] = { value, source: 'test' };
}
