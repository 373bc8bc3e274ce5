/**
 * The dated events (src/model/events/): the registry, and each hook — nothing at level 0, the
 * documented change to exactly its own levers at level 1, monotone in between.
 */
import { applyMeasures } from '../../src/model/interventions/apply.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseConditions, type Conditions } from '../../src/model/conditions.js';
import { BUILTIN_EVENTS, type EventKind, EVENTS } from '../../src/model/events/index.js';
import { BUILTIN } from '../../src/model/interventions/index.js';
import type { Params } from '../../src/model/parameters.js';
import type { Scenario } from '../../src/scenario/load.js';
import { scenarioWith } from './helpers.js';

type ParamsOf<T> = T extends { params: infer R } ? keyof R : never;
type EvParams = Params & Readonly<Record<ParamsOf<(typeof BUILTIN_EVENTS)[number]>, number>>;
type Lever = 'pullFactor' | 'raidFactor' | 'proceduralOpen' | 'deportationFactorSabah' | 'myPatrolFactor' | 'brokerArrestChance' | 'policeFiling';

const EXPECTED: Record<EventKind, (b: Conditions, p: EvParams, L: number) => Partial<Record<Lever, number>>> = {
  movementControl: (_b, p, L) => ({ pullFactor: 1 - p.mcoDemandCut * L, raidFactor: 1 - p.mcoRaidCut * L }),
  hiringFreeze: (_b, _p, L) => ({ proceduralOpen: 1 - L }),
  deportationSuspension: (_b, _p, L) => ({ deportationFactorSabah: 1 - L }),
  borderGuard: (_b, p, L) => ({ myPatrolFactor: 1 + p.guardPatrolGain * L }),
  enforcementCrackdown: (_b, p, L) => ({ raidFactor: 1 + p.crackdownRaidGain * L }),
  // In its first week (yearsActive 0) the campaign is at full strength; its fading is tested in statistics.test.ts.
  taskForceCrackdown: (b, p, L) => ({
    brokerArrestChance: b.brokerArrestChance * (1 + p.crackdownArrestGain * L),
    policeFiling: b.policeFiling + p.crackdownFiling * L,
  }),
};
const DIRECTION: Record<Lever, 1 | -1> = { pullFactor: -1, raidFactor: 1, proceduralOpen: -1, deportationFactorSabah: -1, myPatrolFactor: 1, brokerArrestChance: 1, policeFiling: 1 };
const SIGN: Partial<Record<EventKind, Partial<Record<Lever, 1 | -1>>>> = { movementControl: { raidFactor: -1 } };

describe('the event registry', () => {
  it('lists the built-in events, whose parameters never clash with the interventions’', () => {
    expect(EVENTS.kinds).toEqual(BUILTIN_EVENTS.map((d) => d.kind));
    for (const name of EVENTS.params.keys()) expect(BUILTIN.params.has(name), name).toBe(false);
    for (const kind of EVENTS.kinds) expect(BUILTIN.byKind.has(kind), kind).toBe(false);
    for (const [name, spec] of EVENTS.params) {
      expect(spec.range, name).toBeDefined();
      expect(spec.value).toBeGreaterThanOrEqual(spec.range![0]);
      expect(spec.value).toBeLessThanOrEqual(spec.range![1]);
    }
  });
});

describe('event hooks', () => {
  let s: Scenario;
  let p: EvParams;
  const fresh = () => baseConditions(p, s.origins.length, 4, s.start);
  const apply = (kind: string, level: number): Conditions => {
    const c = fresh();
    applyMeasures(c, [{ def: EVENTS.get(kind), level, yearsActive: 0 }], p as never);
    return c;
  };
  const changed = (c: Conditions): string[] => {
    const b = fresh() as unknown as Record<string, unknown>;
    return Object.keys(b).filter((k) => JSON.stringify((c as unknown as Record<string, unknown>)[k]) !== JSON.stringify(b[k]));
  };

  beforeAll(async () => {
    s = await scenarioWith();
    p = s.params as unknown as EvParams;
    expect(Object.keys(EXPECTED).sort()).toEqual([...EVENTS.kinds].sort());
  });

  it.each(EVENTS.kinds)('%s at level 0 changes nothing', (kind) => {
    expect(apply(kind, 0)).toEqual(fresh());
  });

  it.each(EVENTS.kinds)('%s at level 1 makes the documented change to exactly its own levers', (kind) => {
    const c = apply(kind, 1);
    const want = EXPECTED[kind as EventKind](fresh(), p, 1);
    expect(changed(c).sort()).toEqual(Object.keys(want).sort());
    for (const [lever, v] of Object.entries(want)) expect((c as unknown as Record<string, number>)[lever], lever).toBeCloseTo(v, 12);
  });

  it.each(EVENTS.kinds)('%s moves each lever monotonically as the level rises', (kind) => {
    let prev: Conditions | undefined;
    for (const L of [0, 0.2, 0.5, 0.8, 1]) {
      const c = apply(kind, L);
      const want = EXPECTED[kind as EventKind](fresh(), p, L);
      for (const [lever, v] of Object.entries(want)) expect((c as unknown as Record<string, number>)[lever], `${lever} at ${L}`).toBeCloseTo(v, 12);
      if (prev)
        for (const lever of Object.keys(want) as Lever[]) {
          const sign = SIGN[kind as EventKind]?.[lever] ?? DIRECTION[lever];
          expect(((c[lever] as number) - (prev[lever] as number)) * sign, `${lever} from level ${L}`).toBeGreaterThan(0);
        }
      prev = c;
    }
  });

  it('closes procedural placement and stops deportations entirely at full level', () => {
    expect(apply('hiringFreeze', 1).proceduralOpen).toBe(0);
    expect(apply('deportationSuspension', 1).deportationFactorSabah).toBe(0);
  });
});
