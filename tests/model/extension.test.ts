/**
 * Adding an intervention takes one file: its definition (tests/fixtures/interventions/) and the
 * scenario entries that schedule it. Nothing in the model, the schema or the outputs changes.
 */
import { describe, expect, it } from 'vitest';
import { runTask } from '../../src/experiment/tasks.js';
import { BUILTIN, BUILTIN_INTERVENTIONS, InterventionRegistry } from '../../src/model/interventions/index.js';
import { createModel, worldOf } from '../../src/model/model.js';
import { summarize } from '../../src/experiment/outputs.js';
import { parametersTable } from '../../src/scenario/parameter-table.js';
import { parseScenario } from '../../src/scenario/load.js';
import placementSubsidy from '../fixtures/interventions/placement-subsidy.js';
import { baselineData } from './helpers.js';

const entry = { kind: 'placementSubsidy', start: '2019-01-07', intensity: 1 };

describe('an intervention from one new file', () => {
  it('is unknown to the built-in registry: a scenario scheduling it is refused, naming the path', async () => {
    const data = { ...(await baselineData()), interventions: [entry] };
    expect(() => parseScenario(data, BUILTIN)).toThrow(/^interventions\[0\]\.kind: expected one of "jointPatrols"/);
  });

  it('is accepted with its parameters, their defaults and sources, when the scenario lists it under extensions', async () => {
    const s = parseScenario({ ...(await baselineData()), interventions: [entry], extensions: [placementSubsidy] });
    expect(s.params.subsidyShare).toBe(0.8);
    expect(s.paramSources.subsidyShare).toBe('assumption: illustrative, for the walkthrough');
    const row = parametersTable(s, new InterventionRegistry([...BUILTIN_INTERVENTIONS, placementSubsidy])).find((r) => r.name === 'subsidyShare');
    expect(row).toMatchObject({ intervention: 'placementSubsidy', unit: 'share' });
    const base = await baselineData();
    const over = parseScenario({ ...base, extensions: [placementSubsidy], params: { ...base.params, subsidyShare: { value: 0.5, source: 'test' } } });
    expect(over.params.subsidyShare).toBe(0.5);
    const data = await baselineData();
    expect(() => parseScenario({ ...data, extensions: [{ kind: 'x' }] })).toThrow('extensions[0]: expected an intervention definition made with defineIntervention()');
  });

  it('acts through its hook: cheaper placement, more people choosing it (same seeds, paired)', async () => {
    const plain = parseScenario({ ...(await baselineData()), interventions: [], extensions: [placementSubsidy] });
    const subsidised = parseScenario({ ...(await baselineData()), interventions: [entry], extensions: [placementSubsidy] });
    for (const seed of [1, 2]) {
      const a = createModel(plain, { seed, scale: 200 }).run(104);
      const b = createModel(subsidised, { seed, scale: 200 }).run(104);
      expect(worldOf(b).week.levels.placementSubsidy).toBe(1);
      expect(worldOf(b).week.proceduralCostIdr).toBeCloseTo(worldOf(a).week.proceduralCostIdr * 0.2, 6);
      expect(summarize(b).totals.channel_procedural!).toBeGreaterThan(summarize(a).totals.channel_procedural! * 1.1);
    }
  });

  it('runs from a .ts scenario file through the same run-tasks as compare and sweep', async () => {
    const task = (variant: number) => ({ file: 'tests/fixtures/with-extension.ts', variant, overrides: [], replicate: 0, seed: 3, scale: 200, weeks: 80 });
    const [base, subsidy] = await Promise.all([runTask(task(0)), runTask(task(1))]);
    expect(subsidy.variant).toBe('subsidy');
    expect(subsidy.metrics.channel_procedural!).toBeGreaterThan(base.metrics.channel_procedural!);
  });
});
