/**
 * The interventions: the registry and schedule rules of interventions/index.ts, and each built-in
 * hook — it moves exactly its own levers, nothing at level 0, the documented change at level 1,
 * monotonically in between.
 */
import { existsSync, readdirSync } from 'node:fs';
import { applyMeasures } from '../../src/model/interventions/apply.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseConditions, type Conditions } from '../../src/model/conditions.js';
import { capabilities, type Stage } from '../../src/model/cooperation.js';
import type { InterventionEntry } from '../../src/model/input.js';
import {
  BUILTIN,
  BUILTIN_INTERVENTIONS,
  textIn,
  type BuiltinKind,
  defineIntervention,
  type InterventionDefinition,
  InterventionRegistry,
  scheduledLevel,
  yearsActive,
} from '../../src/model/interventions/index.js';
import type { Params } from '../../src/model/parameters.js';
import type { Scenario } from '../../src/scenario/load.js';
import { scenarioWith } from './helpers.js';

const YEAR_MS = 365.25 * 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const sched = (...entries: InterventionEntry[]): readonly InterventionEntry[] => entries;

describe('scheduledLevel', () => {
  const s = sched(
    { kind: 'a', start: '2020-01-06', end: '2020-12-28', intensity: 0.3 },
    { kind: 'a', start: '2020-06-01', intensity: 0.5 },
    { kind: 'b', start: '2019-01-07', intensity: 1 },
  );

  it('is 0 before any entry of the kind and for a kind with none', () => {
    expect(scheduledLevel(s, 'a', '2020-01-05')).toBe(0);
    expect(scheduledLevel(s, 'c', '2021-01-01')).toBe(0);
    expect(scheduledLevel(sched(), 'a', '2021-01-01')).toBe(0);
  });

  it('counts an entry from its start to its end, both inclusive', () => {
    expect(scheduledLevel(s, 'a', '2020-01-06')).toBeCloseTo(0.3, 12);
    expect(scheduledLevel(s, 'a', '2020-05-31')).toBeCloseTo(0.3, 12);
    expect(scheduledLevel(s, 'a', '2020-12-28')).toBeCloseTo(0.8, 12);
    expect(scheduledLevel(s, 'a', '2020-12-29')).toBeCloseTo(0.5, 12);
  });

  it('sums the overlapping entries of the kind only', () => {
    expect(scheduledLevel(s, 'a', '2020-06-01')).toBeCloseTo(0.8, 12);
    expect(scheduledLevel(s, 'b', '2020-06-01')).toBe(1);
  });

  it('caps the sum at 1', () => {
    const many = sched(...[0.6, 0.6, 0.6].map((intensity) => ({ kind: 'a', start: '2020-01-06', intensity })));
    expect(scheduledLevel(many, 'a', '2020-03-02')).toBe(1);
    expect(scheduledLevel(sched({ kind: 'a', start: '2020-01-06', intensity: 0.6 }, { kind: 'a', start: '2020-01-06', intensity: 0.4 }), 'a', '2020-03-02')).toBeCloseTo(1, 12);
  });
});

describe('yearsActive', () => {
  it('is 0 before the start and on the start day', () => {
    const s = sched({ kind: 'a', start: '2020-01-06', intensity: 1 });
    expect(yearsActive(s, 'a', '2019-12-30')).toBe(0);
    expect(yearsActive(s, 'a', '2020-01-06')).toBe(0);
  });

  it('weighs the years in force by intensity', () => {
    const s = sched({ kind: 'a', start: '2020-01-06', intensity: 0.5 });
    expect(yearsActive(s, 'a', '2021-01-04')).toBeCloseTo((0.5 * days('2020-01-06', '2021-01-04') * 86_400_000) / YEAR_MS, 12);
    expect(yearsActive(s, 'a', '2024-01-08')).toBeCloseTo(0.5 * (days('2020-01-06', '2024-01-08') / 365.25), 12);
  });

  it('stops counting at the end of an entry', () => {
    const s = sched({ kind: 'a', start: '2020-01-06', end: '2020-07-06', intensity: 1 });
    const atEnd = yearsActive(s, 'a', '2020-07-06');
    expect(atEnd).toBeCloseTo(days('2020-01-06', '2020-07-06') / 365.25, 12);
    expect(yearsActive(s, 'a', '2022-03-07')).toBe(atEnd);
  });

  it('adds up entries of the kind and ignores other kinds', () => {
    const s = sched(
      { kind: 'a', start: '2020-01-06', end: '2021-01-04', intensity: 0.2 },
      { kind: 'a', start: '2021-01-04', intensity: 0.4 },
      { kind: 'b', start: '2019-01-07', intensity: 1 },
    );
    const expected = (0.2 * days('2020-01-06', '2021-01-04') + 0.4 * days('2021-01-04', '2022-01-03')) / 365.25;
    expect(yearsActive(s, 'a', '2022-01-03')).toBeCloseTo(expected, 12);
  });

  it('never falls as the date moves on', () => {
    const s = sched({ kind: 'a', start: '2020-01-06', end: '2020-09-07', intensity: 0.7 }, { kind: 'a', start: '2021-03-01', intensity: 0.3 });
    let prev = 0;
    for (let t = Date.parse('2019-06-03'); t < Date.parse('2023-01-01'); t += 7 * 86_400_000) {
      const y = yearsActive(s, 'a', new Date(t).toISOString().slice(0, 10));
      expect(y).toBeGreaterThanOrEqual(prev);
      prev = y;
    }
  });
});

describe('InterventionRegistry', () => {
  const dummy = (kind: string, params: Record<string, number> = {}, extra: Partial<InterventionDefinition> = {}): InterventionDefinition =>
    defineIntervention({
      kind,
      label: kind,
      bilateral: false,
      meaning: 'test',
      source: 'test',
      params: Object.fromEntries(Object.entries(params).map(([n, v]) => [n, { kind: 'nonnegative', unit: 'x', meaning: 'x', value: v, source: 'test' }])),
      effects: () => ({}),
      ...extra,
    });

  it('lists the built-in kinds in hook order, with every parameter and the kind that brings it', () => {
    expect(BUILTIN.kinds).toEqual(BUILTIN_INTERVENTIONS.map((d) => d.kind));
    // One file per built-in measure in src/model/interventions/ (besides the definition, the levers' application and the registry).
    const files = readdirSync('src/model/interventions').filter((f) => !['define.ts', 'apply.ts', 'index.ts'].includes(f));
    expect(new Set(BUILTIN.kinds).size).toBe(files.length);
    expect(BUILTIN.params.get('jointPatrolUnits')).toMatchObject({ intervention: 'jointPatrols', value: 35 });
    expect(BUILTIN.params.get('monitoringCatch')!.intervention).toBe('antiCollusion');
    for (const d of BUILTIN_INTERVENTIONS) for (const n of Object.keys(d.params)) expect(BUILTIN.params.get(n)!.intervention).toBe(d.kind);
  });

  it('refuses a kind registered twice', () => {
    expect(() => new InterventionRegistry([dummy('x'), dummy('y'), dummy('x')])).toThrow(new Error('intervention "x" is registered twice'));
    expect(() => new InterventionRegistry([...BUILTIN_INTERVENTIONS, dummy('jointPatrols')])).toThrow('intervention "jointPatrols" is registered twice');
  });

  it('refuses a parameter declared by two kinds, naming both', () => {
    expect(() => new InterventionRegistry([dummy('x', { q: 1 }), dummy('y', { q: 2 })])).toThrow(new Error('parameter "q" of intervention "y" is already declared by "x"'));
    expect(() => new InterventionRegistry([...BUILTIN_INTERVENTIONS, dummy('extra', { monitoringCatch: 0.1 })])).toThrow(
      'parameter "monitoringCatch" of intervention "extra" is already declared by "antiCollusion"',
    );
  });

  it('finds a definition by kind and refuses an unknown one', () => {
    expect(textIn(BUILTIN.get('placementReform').label)).toBe('Placement reform');
    expect(textIn(BUILTIN.get('placementReform').label, 'id')).toBe('Reformasi penempatan');
    expect(() => BUILTIN.get('teleportation')).toThrow('unknown intervention "teleportation"');
  });

  it('costs an entry at its costPerYearIdr × years, else at its definition\'s, else 0', () => {
    expect(BUILTIN.cost({ kind: 'jointPatrols', start: '2020-01-06', intensity: 0.5, costPerYearIdr: 2e9 }, 2.5)).toBe(5e9);
    expect(BUILTIN.cost({ kind: 'jointPatrols', start: '2020-01-06', intensity: 0.5 }, 2.5)).toBe(2.5 * BUILTIN.get('jointPatrols').costPerYearIdr!.value);
    for (const d of BUILTIN_INTERVENTIONS) expect(d.costPerYearIdr?.source, d.kind).toMatch(/assumption|source/);
    const r = new InterventionRegistry([dummy('free')]);
    expect(r.cost({ kind: 'free', start: '2020-01-06', intensity: 0.5 }, 3)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The hooks

/** The built-in interventions' parameter names. */
type ParamsOf<T> = T extends { params: infer R } ? keyof R : never;
type IvParams = Params & Readonly<Record<ParamsOf<(typeof BUILTIN_INTERVENTIONS)[number]>, number>>;

type Lever = Exclude<keyof Conditions, 'index' | 'date' | 'stage' | 'cap' | 'levels' | 'originWageIdr' | 'baseHazard' | 'detection'>;

/**
 * What each of the paper's measures documents: its levers at level L, from the base levers b (whose
 * cap is the stage's). A measure added since has its formula in its own test,
 * tests/model/interventions/<its file>.test.ts (CONTRIBUTING.md).
 */
const EXPECTED: Partial<Record<BuiltinKind, (b: Conditions, p: IvParams, L: number, years: number) => Partial<Record<Lever, number>>>> = {
  jointPatrols: (_b, p, L) => ({ jointUnits: p.jointPatrolUnits * L }),
  intelligenceSharing: (b, p, L) =>
    b.cap.infoAccuracy <= 0
      ? {}
      : {
          patrolTargetShare: p.intelTargeting * L,
          brokerArrestChance: b.brokerArrestChance + p.intelArrestRate * b.cap.infoAccuracy * L,
          ...(b.cap.watchLists ? { watchListHit: p.watchListHit * b.cap.infoAccuracy * L } : {}),
        },
  jointTraining: (b, p, L) => ({
    trainedShare: b.trainedShare + (1 - b.trainedShare) * L,
    trainedCollusionCut: p.trainingCollusionCut * L,
    idPatrol: b.idPatrol + (p.idTrained - b.idPatrol) * L,
    ...(b.cap.commonTraining ? { idRaid: b.idRaid + (p.idRaidTrained - b.idRaid) * L } : {}),
  }),
  ngoCooperation: (b, p, L, years) => ({
    awarenessBoost: Math.min(1, p.ngoAwarenessGain * years),
    ngoOutreach: Math.min(1, b.ngoOutreach * (1 + p.ngoIdGain * L)),
    idDeportation: Math.min(1, b.idDeportation * (1 + p.ngoIdGain * L)),
    reintegrationCut: p.ngoRetraffickCut * L,
  }),
  operationalProtocols: (b, p, L) => ({
    shelterWeeks: b.shelterWeeks * (1 - p.protocolDelayCut * L),
    caseSpeed: 1 / (1 - p.protocolDelayCut * L),
    ...(b.cap.commonProtocols ? { evidenceWeeksFactor: 1 - p.protocolDelayCut * L, evidenceGain: p.protocolCrossBorderGain * L } : {}),
  }),
  antiCollusion: (_b, p, L) => ({ catchChance: p.monitoringCatch * L, colluderRemoval: p.monitoringRemoval + (1 - p.monitoringRemoval) * L }),
  documentAlignment: (b, _p, L) => ({ fraudDocChance: b.fraudDocChance * (1 - L) }),
  placementReform: (_b, p, L) => ({
    proceduralCostIdr: p.proceduralCostIdr * (1 - p.placementCostCut * L),
    proceduralWaitWeeks: Math.max(1, p.proceduralWaitWeeks * (1 - p.placementCostCut * L)),
  }),
  economicDevelopment: (_b, p, L) => ({ originWageFactor: 1 + p.devWageGain * L, unemploymentFactor: 1 - p.devUnemploymentCut * L }),
};

/** The direction each lever moves as the level rises: +1 up, −1 down. */
const DIRECTION: Partial<Record<Lever, 1 | -1>> = {
  jointUnits: 1,
  patrolTargetShare: 1,
  brokerArrestChance: 1,
  watchListHit: 1,
  trainedShare: 1,
  trainedCollusionCut: 1,
  idPatrol: 1,
  idRaid: 1,
  ngoOutreach: 1,
  idDeportation: 1,
  reintegrationCut: 1,
  shelterWeeks: -1,
  caseSpeed: 1,
  evidenceWeeksFactor: -1,
  evidenceGain: 1,
  catchChance: 1,
  colluderRemoval: 1,
  fraudDocChance: -1,
  proceduralCostIdr: -1,
  proceduralWaitWeeks: -1,
  originWageFactor: 1,
  unemploymentFactor: -1,
};

const CASES = BUILTIN.kinds.flatMap((kind) => (['coexistence', 'collaboration'] as const).map((stage) => [kind, stage] as const));
const DOCUMENTED = CASES.filter(([kind]) => kind in EXPECTED);
/** The test file of a measure's own, named after its definition file. */
const ownTest = (kind: string) => `tests/model/interventions/${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.test.ts`;

describe('intervention hooks', () => {
  let s: Scenario;
  let p: IvParams;
  const fresh = (stage: Stage = 'coexistence'): Conditions => ({ ...baseConditions(p, s.origins.length, 4, s.start), stage, cap: capabilities(() => stage, p) });
  const apply = (kind: string, level: number, years = 0, stage: Stage = 'coexistence'): Conditions => {
    const c = fresh(stage);
    applyMeasures(c, [{ def: BUILTIN.get(kind), level, yearsActive: years }], p as never);
    return c;
  };
  /** The levers (and anything else) whose value differs from the base conditions at the stage. */
  const changed = (c: Conditions, stage: Stage = 'coexistence'): string[] => {
    const b = fresh(stage) as unknown as Record<string, unknown>;
    return Object.keys(b).filter((k) => {
      const x = (c as unknown as Record<string, unknown>)[k];
      return x instanceof Float64Array ? !(x as Float64Array).every((v, i) => v === (b[k] as Float64Array)[i]) : JSON.stringify(x) !== JSON.stringify(b[k]);
    });
  };

  beforeAll(async () => {
    s = await scenarioWith();
    // Parameters chosen so that every documented lever visibly moves (trained above untrained, ...).
    p = { ...s.params, idPatrol: 0.05, idTrained: 0.3, idRaid: 0.1, idRaidTrained: 0.3, ngoOutreach: 0.02, idDeportation: 0.1, ngoIdGain: 1.5 } as unknown as IvParams;
    // Every built-in measure's formula is checked: in EXPECTED, or in a test file of its own.
    for (const kind of BUILTIN.kinds) expect(kind in EXPECTED || existsSync(ownTest(kind)), `${kind}: no formula test`).toBe(true);
  });

  it.each(CASES.filter(([k]) => k !== 'antiCollusion'))('%s at level 0 (and no years in force) changes nothing at %s', (kind, stage) => {
    const c = apply(kind, 0, 0, stage);
    expect(changed(c, stage)).toEqual([]);
    expect(c).toEqual(fresh(stage));
  });

  it('antiCollusion at level 0 changes no lever that acts: nobody is caught, so the removal chance is moot', () => {
    // The base levers say colluderRemoval 0; the hook at level 0 sets it to monitoringRemoval
    // (its documented formula). Harmless, since a colluder is only removed once caught.
    const c = apply('antiCollusion', 0);
    expect(changed(c)).toEqual(['colluderRemoval']);
    expect(c.colluderRemoval).toBe(p.monitoringRemoval);
    expect(c.catchChance).toBe(0);
  });

  it.each(DOCUMENTED)('%s at level 1 makes the documented change to exactly its own levers at %s', (kind, stage) => {
    const years = kind === 'ngoCooperation' ? 2 : 0;
    const c = apply(kind, 1, years, stage);
    const want = EXPECTED[kind as BuiltinKind]!(fresh(stage), p, 1, years);
    expect(changed(c, stage).sort()).toEqual(Object.keys(want).sort());
    for (const [lever, v] of Object.entries(want)) expect((c as unknown as Record<string, number>)[lever], lever).toBeCloseTo(v, 12);
  });

  it.each(DOCUMENTED)('%s matches its formula and moves each lever monotonically as the level rises at %s', (kind, stage) => {
    let prev: Conditions | undefined;
    for (const L of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
      const c = apply(kind, L, 1, stage);
      const want = EXPECTED[kind as BuiltinKind]!(fresh(stage), p, L, 1);
      for (const [lever, v] of Object.entries(want)) expect((c as unknown as Record<string, number>)[lever], `${lever} at ${L}`).toBeCloseTo(v, 12);
      if (prev)
        for (const lever of Object.keys(want) as Lever[]) {
          if (lever === 'awarenessBoost') continue; // set by the years in force, not the level
          const d = ((c[lever] as number) - (prev[lever] as number)) * DIRECTION[lever]!;
          expect(d, `${lever} from level ${L}`).toBeGreaterThan(0);
        }
      prev = c;
    }
  });

  it('bilateral measures do more at collaboration than at coexistence, never less', () => {
    const bilateral = BUILTIN_INTERVENTIONS.filter((d) => d.bilateral).map((d) => d.kind);
    expect(bilateral.sort()).toEqual(['intelligenceSharing', 'jointPatrols', 'jointTraining', 'operationalProtocols']);
    for (const kind of bilateral) {
      const low = changed(apply(kind, 1, 0, 'coexistence'), 'coexistence');
      const high = changed(apply(kind, 1, 0, 'collaboration'), 'collaboration');
      for (const lever of low) expect(high, kind).toContain(lever);
    }
    // Nothing is shared at coexistence: intelligence sharing has nothing to act on.
    expect(changed(apply('intelligenceSharing', 1))).toEqual([]);
  });

  it('keeps awareness built by past NGO campaigns after they end (level 0, years in force > 0)', () => {
    const c = apply('ngoCooperation', 0, 3);
    expect(c.awarenessBoost).toBeCloseTo(Math.min(1, p.ngoAwarenessGain * 3), 12);
    expect(changed(c)).toEqual(['awarenessBoost']);
    expect(apply('ngoCooperation', 0, 1e6).awarenessBoost).toBe(1);
  });

  it('keeps the identification chances and the procedural wait within their bounds at full level', () => {
    const big = { ...p, ngoOutreach: 0.8, idDeportation: 0.9, ngoIdGain: 5 };
    const c = { ...baseConditions(big, s.origins.length, 4, s.start) };
    applyMeasures(c, [{ def: BUILTIN.get('ngoCooperation'), level: 1, yearsActive: 0 }], big as never);
    expect(c.ngoOutreach).toBe(1);
    expect(c.idDeportation).toBe(1);
    const q = { ...p, proceduralWaitWeeks: 1.5, placementCostCut: 0.9 };
    const d = baseConditions(q, s.origins.length, 4, s.start);
    applyMeasures(d, [{ def: BUILTIN.get('placementReform'), level: 1, yearsActive: 0 }], q as never);
    expect(d.proceduralWaitWeeks).toBe(1);
  });
});
