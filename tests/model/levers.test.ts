/**
 * Levers combine what measures contribute by their own rule (conditions.ts, LEVERS): the result
 * does not depend on the order measures are registered or listed in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/experiment/outputs.js';
import { baseConditions, combineLevers, type Contribution, type Lever, LEVER_NAMES, LEVERS } from '../../src/model/conditions.js';
import { BUILTIN_INTERVENTIONS, type InterventionDefinition, InterventionRegistry } from '../../src/model/interventions/index.js';
import placementSubsidy from '../fixtures/interventions/placement-subsidy.js';
import { simulate } from '../../src/model/model.js';
import { scenarioWith } from './helpers.js';

describe('combineLevers', () => {
  it('gives (base + adds) × factors within the bounds, whatever the order of the contributions', () => {
    const contribution = fc.record({ kind: fc.constantFrom('a', 'b', 'c', 'd', 'e'), add: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: undefined }), factor: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.constantFrom(...LEVER_NAMES), fc.uniqueArray(contribution, { selector: (c) => c.kind, maxLength: 5 }), fc.double({ min: 0, max: 2, noNaN: true }), (lever, list, b) => {
        const values = (order: Contribution[]) => {
          const c = baseConditions({} as never, 1, 1, '2020-01-06');
          const base = { [lever]: b } as Record<Lever, number>;
          combineLevers(c, base, new Map([[lever, order]]));
          return c[lever];
        };
        const forward = values(list);
        expect(values([...list].reverse())).toBe(forward);
        const rule: { min?: number; max?: number } = LEVERS[lever];
        let expected = b + list.reduce((s, x) => s + (x.add ?? 0), 0);
        expected *= list.reduce((s, x) => s * (x.factor ?? 1), 1);
        expected = Math.min(rule.max ?? Infinity, Math.max(rule.min ?? -Infinity, expected));
        expect(forward).toBeCloseTo(expected, 9);
      }),
    );
  });
});

describe('the order of the registered measures', () => {
  it('changes no output: every measure at the collaboration stage, with two on one lever, under five orders of the registry', async () => {
    // placementSubsidy and placementReform both move the cost of procedural placement.
    const all: InterventionDefinition[] = [...BUILTIN_INTERVENTIONS, placementSubsidy];
    const s = await scenarioWith((d) => {
      d.spinUpWeeks = 4;
      d.stages = [{ date: '2019-01-01', stage: 'collaboration', source: 'test' }];
      d.extensions = [placementSubsidy] as never;
      d.interventions = all.map((i) => ({ kind: i.kind, start: '2019-01-07', intensity: 0.7 }));
    });
    const run = (defs: readonly InterventionDefinition[]) =>
      JSON.stringify(summarize(simulate(s, { seed: 5, scale: 2000, weeks: 60, interventions: new InterventionRegistry(defs) })));
    const reference = run(all);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(all, { minLength: all.length }), async (order) => {
        expect(run(order)).toBe(reference);
      }),
      { numRuns: 5, seed: 11 },
    );
  });
});
