/**
 * Each phase keeps to its declared reach (src/model/phase.ts): run week by week on the baseline and
 * on every measure at the collaboration stage, no phase asks for a part it did not declare, and no
 * phase changes a part it did not declare as written. And the check itself fails on a phase that
 * oversteps.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_INTERVENTIONS } from '../../src/model/interventions/index.js';
import { createModel, PHASES, worldOf } from '../../src/model/model.js';
import { definePhase, type ModelPhase } from '../../src/model/phase.js';
import type { World } from '../../src/model/state.js';
import { scenarioWith } from './helpers.js';
import { measure } from './reach.js';

/** Runs `weeks` weeks phase by phase, returning every overstep found. */
function oversteps(w: World, phases: readonly ModelPhase[], weeks: number): string[] {
  const found = new Set<string>();
  for (let k = 0; k < weeks; k++)
    for (const ph of phases) {
      const { reads, writes } = measure(w, (x) => ph.run(x, w.tick));
      for (const part of reads) if (!ph.reads.includes(part) && !ph.writes.includes(part)) found.add(`${ph.name} reads ${part}`);
      for (const part of writes) if (!ph.writes.includes(part)) found.add(`${ph.name} writes ${part}`);
    }
  return [...found].sort();
}

const world = async (all: boolean) =>
  worldOf(
    createModel(
      await scenarioWith((d) => {
        d.spinUpWeeks = 2;
        if (all) {
          d.stages = [{ date: '2019-01-01', stage: 'collaboration', source: 'test' }];
          d.interventions = BUILTIN_INTERVENTIONS.map((i) => ({ kind: i.kind, start: '2019-01-07', intensity: 1 }));
        }
      }),
      { seed: 2, scale: 2000 },
    ),
  );

describe('phases keep to their declared reach', () => {
  it('on the baseline and with every measure at the collaboration stage', async () => {
    expect(oversteps(await world(false), PHASES, 20)).toEqual([]);
    expect(oversteps(await world(true), PHASES, 20)).toEqual([]);
  });

  it('a phase that writes a part it declared only as read is caught, and so is one that reads an undeclared part', async () => {
    const w = await world(false);
    const sneaky = definePhase('sneaky', { reads: ['fixed', 'beliefs'], writes: [] }, (x) => void (x.beliefs.community[0]! += 1));
    const nosy = definePhase('nosy', { reads: ['fixed'], writes: [] }, (x) => void x.justice.cases.count);
    expect(oversteps(w, [sneaky, nosy], 1)).toEqual(['nosy reads justice', 'sneaky writes beliefs']);
  });
});
