/** Rules of calendar.ts: the wage gap, the base departure hazard, and the week's conditions. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { departureHazardBase, updateWeek, wageGap } from '../../src/model/calendar.js';
import { baseConditions } from '../../src/model/conditions.js';
import { capabilities, type Mechanism, PatrolMode, type Stage } from '../../src/model/cooperation.js';
import { dateOfWeek, stepValue, weekOf } from '../../src/model/geography.js';
import { EVENTS } from '../../src/model/events/index.js';
import { createModel, worldOf } from '../../src/model/model.js';
import type { Fixed, World } from '../../src/model/state.js';
import { STATUS_COUNT } from '../../src/model/codes.js';
import type { Draft } from 'immer';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { scenarioWith as baselineWith, setP } from './helpers.js';

/** The baseline without its spin-up, so that a rule is seen from the first week. */
const scenarioWith = (change?: (d: Draft<ScenarioInput>) => void) =>
  baselineWith((d) => {
    d.spinUpWeeks = 0;
    change?.(d);
  });

describe('wageGap', () => {
  it('is ln(destination wage / origin wage)', () => {
    expect(wageGap(100, 100)).toBe(0);
    expect(wageGap(Math.E * 2e6, 2e6)).toBeCloseTo(1, 12);
    expect(wageGap(1100 * 3400, 2102864)).toBeCloseTo(Math.log((1100 * 3400) / 2102864), 12);
    expect(wageGap(1e6, 2e6)).toBeCloseTo(-Math.log(2), 12);
  });

  it('rises with the destination wage and falls with the origin wage', () => {
    const wage = fc.double({ min: 1e5, max: 1e8, noNaN: true });
    fc.assert(
      fc.property(wage, wage, fc.double({ min: 1, max: 1e6, noNaN: true }), (d, o, x) => {
        expect(wageGap(d + x, o)).toBeGreaterThan(wageGap(d, o));
        expect(wageGap(d, o + x)).toBeLessThan(wageGap(d, o));
      }),
    );
  });
});

describe('departureHazardBase', () => {
  const world = (p: Record<string, number>, poverty: number[]) => ({ p, input: { origins: poverty.map((pv) => ({ poverty: pv })) } }) as unknown as Fixed;
  const w = world({ h0: 0.001, betaWage: 1.5, betaUnemployment: 5, betaPoverty: 5 }, [0.1, 0.2]);

  it('is h0 · exp(βw·gap + βu·unemployment + βp·poverty) on hand-computed cases', () => {
    expect(departureHazardBase(w, 0, 1, 0.05)).toBeCloseTo(0.001 * Math.exp(1.5 + 0.25 + 0.5), 15);
    expect(departureHazardBase(w, 1, 0, 0)).toBeCloseTo(0.001 * Math.exp(1), 15);
    expect(departureHazardBase(world({ h0: 0.002, betaWage: 0, betaUnemployment: 0, betaPoverty: 0 }, [0.5]), 0, 3, 0.5)).toBe(0.002);
  });

  it('rises with the gap, unemployment and poverty (positive weights), falls with a negative weight', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (gap, u, d) => {
        const h = departureHazardBase(w, 0, gap, u);
        expect(h).toBeGreaterThan(0);
        expect(departureHazardBase(w, 0, gap + d, u)).toBeGreaterThan(h);
        expect(departureHazardBase(w, 0, gap, u + d)).toBeGreaterThan(h);
        expect(departureHazardBase(w, 1, gap, u)).toBeGreaterThan(h); // poorer origin
      }),
    );
    const neg = world({ h0: 0.001, betaWage: -1, betaUnemployment: 5, betaPoverty: 5 }, [0.1]);
    expect(departureHazardBase(neg, 0, 1, 0.05)).toBeLessThan(departureHazardBase(neg, 0, 0.5, 0.05));
  });
});

describe('updateWeek in a model state', () => {
  let w: World;
  const at = (date: string) => weekOf(w.fixed.input.start, date);

  beforeAll(async () => {
    const s = await scenarioWith((d) => {
      d.stages = [
        { date: '2019-01-01', stage: 'coexistence' },
        { date: '2021-01-04', stage: 'collaboration' },
      ];
      d.interventions = [
        { kind: 'jointPatrols', start: '2019-01-07', intensity: 0.6 },
        { kind: 'placementReform', start: '2020-01-06', end: '2020-06-29', intensity: 0.5 },
        { kind: 'economicDevelopment', start: '2022-01-03', intensity: 0.4 },
        { kind: 'ngoCooperation', start: '2019-01-07', end: '2020-01-06', intensity: 0.5 },
      ];
      d.events = [];
    });
    w = worldOf(createModel(s, { seed: 1, scale: 1000 }));
  });

  it('sets the date, the stage, what the stage allows, and each intervention’s scheduled level', () => {
    const p = w.fixed.params;
    updateWeek(w, 0);
    expect(w.week.index).toBe(0);
    expect(w.week.date).toBe('2019-01-07');
    expect(w.week.stage).toBe('coexistence');
    expect(w.week.cap).toEqual(capabilities(() => 'coexistence', w.fixed.p));
    expect(Object.keys(w.week.levels).sort()).toEqual([...w.fixed.interventions.kinds, ...EVENTS.kinds].sort());
    // A bilateral measure's level is its scheduled intensity at every stage; the stage acts through cap.
    expect(w.week.levels.jointPatrols).toBe(0.6);
    expect(w.week.levels.placementReform).toBe(0);
    expect(w.week.levels.ngoCooperation).toBe(0.5);
    expect(w.week.jointUnits).toBeCloseTo(p.jointPatrolUnits! * 0.6, 12);

    updateWeek(w, at('2021-01-04'));
    expect(w.week.date).toBe('2021-01-04');
    expect(w.week.stage).toBe('collaboration');
    expect(w.week.cap).toEqual(capabilities(() => 'collaboration', w.fixed.p));
    expect(w.week.levels.jointPatrols).toBe(0.6);
    expect(w.week.jointUnits).toBeCloseTo(p.jointPatrolUnits! * 0.6, 12);
  });

  it('reads a pinned mechanism at its pinned stage, the others at the stage in force', async () => {
    const s = await scenarioWith((d) => {
      d.stages = [{ date: '2019-01-01', stage: 'collaboration' }];
      (d as { mechanismStages?: unknown }).mechanismStages = { justice: 'coexistence', patrols: 'coordination' };
    });
    const x = worldOf(createModel(s, { seed: 1, scale: 1000 }));
    updateWeek(x, 3);
    const pins: Record<string, Stage> = { justice: 'coexistence', patrols: 'coordination' };
    expect(x.week.stage).toBe('collaboration');
    expect(x.week.cap).toEqual(capabilities((m: Mechanism) => pins[m] ?? 'collaboration', x.fixed.p));
    expect(x.week.cap.evidenceChance).toBe(0);
    expect(x.week.cap.patrolMode).toBe(PatrolMode.coordinated);
    expect(x.week.cap.infoAccuracy).toBe(x.fixed.p.infoAccuracyCollaboration);
  });

  it('moves a measure’s levers while it is in force and restores them the week after', () => {
    const p = w.fixed.params;
    updateWeek(w, at('2020-03-02'));
    expect(w.week.levels.placementReform).toBe(0.5);
    expect(w.week.proceduralCostIdr).toBeCloseTo(p.proceduralCostIdr! * (1 - 0.5 * p.placementCostCut!), 6);
    expect(w.week.proceduralWaitWeeks).toBeCloseTo(p.proceduralWaitWeeks! * (1 - 0.5 * p.placementCostCut!), 12);
    updateWeek(w, at('2020-07-06'));
    expect(w.week.levels.placementReform).toBe(0);
    expect(w.week.proceduralCostIdr).toBe(p.proceduralCostIdr);
    expect(w.week.proceduralWaitWeeks).toBe(p.proceduralWaitWeeks);
    // The NGO campaign has ended, the awareness it built stays.
    expect(w.week.levels.ngoCooperation).toBe(0);
    expect(w.week.ngoOutreach).toBe(p.ngoOutreach);
    expect(w.week.awarenessBoost).toBeCloseTo(p.ngoAwarenessGain! * 0.5 * (364 / 365.25), 12);
  });

  it('restores every lever to its base value in a week without interventions in force', async () => {
    const bare = worldOf(createModel(
      await scenarioWith((d) => {
        d.interventions = [];
        d.events = [];
      }),
      { seed: 1, scale: 1000 },
    ));
    // Dirty the levers as a previous week's hooks could have.
    Object.assign(bare.week, { jointUnits: 99, watchListHit: 1, proceduralCostIdr: 1, catchChance: 1, caseSpeed: 7, awarenessBoost: 0.9, evidenceGain: 1, pullFactor: 0.1, raidFactor: 3 });
    updateWeek(bare, 10);
    const base = baseConditions(bare.fixed.p, bare.fixed.input.origins.length, bare.fixed.geo.crossingIds.length, bare.fixed.input.start) as unknown as Record<string, unknown>;
    const week = bare.week as unknown as Record<string, unknown>;
    // Not levers: set from the date (series), the stage or the patrols each week. labourDemand and raidEffort are dated series (tested below).
    const skip = new Set(['index', 'out', 'date', 'stage', 'cap', 'levels', 'destinationWageIdr', 'originWageIdr', 'baseHazard', 'detection', 'labourDemand', 'raidEffort']);
    // colluderRemoval: the antiCollusion hook sets monitoringRemoval even at level 0 (moot: nobody is caught).
    skip.add('colluderRemoval');
    for (const k of Object.keys(base)) if (!skip.has(k)) expect(week[k], k).toBe(base[k]);
    for (const kind of [...bare.fixed.interventions.kinds, ...EVENTS.kinds]) expect(bare.week.levels[kind], kind).toBe(0);
  });

  it('scales the base hazard by the pull of jobs, which an event can cut, and keeps week 0’s as the reference', async () => {
    const x = worldOf(createModel(
      await scenarioWith((d) => {
        d.interventions = [];
        d.events = [{ kind: 'movementControl', start: '2020-03-23', end: '2020-12-28', intensity: 0.5 }];
      }),
      { seed: 1, scale: 1000 },
    ));
    const p = x.fixed.params;
    updateWeek(x, 0);
    const ref = Array.from(x.week.baseHazard);
    expect(Array.from(x.week.refHazard)).toEqual(ref);
    const wk = weekOf(x.fixed.input.start, '2020-06-01');
    updateWeek(x, wk);
    expect(x.week.levels.movementControl).toBe(0.5);
    expect(x.week.pullFactor).toBeCloseTo(1 - 0.5 * p.mcoDemandCut!, 12);
    expect(x.week.raidFactor).toBeCloseTo(1 - 0.5 * p.mcoRaidCut!, 12);
    const date = x.week.date;
    x.fixed.input.origins.forEach((o, oi) => {
      const dest = stepValue(x.fixed.input.series.my_min_wage_myr!, date) * stepValue(x.fixed.input.series.fx_idr_per_myr!, date);
      const wage = stepValue(x.fixed.input.series[`wage_${o.wageRegion}`]!, date);
      expect(x.week.baseHazard[oi]).toBeCloseTo(departureHazardBase(x.fixed, oi, wageGap(dest, wage), o.unemployment) * x.week.pullFactor, 15);
    });
    // The reference stays week 0's.
    expect(Array.from(x.week.refHazard)).toEqual(ref);
    updateWeek(x, weekOf(x.fixed.input.start, '2021-01-04'));
    expect(x.week.pullFactor).toBe(1);
  });

  it('dates the weeks from the start of the run, spin-up included, and counts outputs from the start', async () => {
    const x = worldOf(createModel(await baselineWith((d) => void (d.spinUpWeeks = 10)), { seed: 1, scale: 2000 }));
    expect(x.fixed.geo.spinUp).toBe(10);
    expect(x.tick).toBe(10); // the spin-up ran when the model was made
    updateWeek(x, 3);
    expect(x.week.index).toBe(3);
    expect(x.week.out).toBe(-7);
    expect(x.week.date).toBe(dateOfWeek(x.fixed.input.start, -7));
    updateWeek(x, 10);
    expect(x.week.out).toBe(0);
    expect(x.week.date).toBe(x.fixed.input.start);
  });

  it('sets employers’ unmet demand by state from the labour-demand series on the date, times employerDemand (0 Sarawak, 1 Sabah)', () => {
    const s = w.fixed.input;
    const p = w.fixed.p;
    const before = p.employerDemand;
    for (const [lever, date] of [[1, '2019-01-07'], [1, '2021-10-04'], [1.3, '2022-05-02'], [0.8, '2024-09-16']] as const) {
      setP(w, { employerDemand: lever });
      updateWeek(w, at(date));
      expect(w.week.labourDemand[0], `Sarawak on ${date}`).toBeCloseTo(lever * stepValue(s.series.labour_demand_sarawak!, date), 12);
      expect(w.week.labourDemand[1], `Sabah on ${date}`).toBeCloseTo(lever * stepValue(s.series.labour_demand_sabah!, date), 12);
    }
    setP(w, { employerDemand: before });
    // The series as the baseline has it: 2019 = 1, the shortage under the intake freeze (Sep 2021: 2.1).
    updateWeek(w, at('2019-01-07'));
    expect(Array.from(w.week.labourDemand)).toEqual([1, 1]);
    updateWeek(w, at('2021-10-04'));
    expect(Array.from(w.week.labourDemand)).toEqual([2.1, 2.1]);
    // The same array from week to week (phases may hold it).
    const held = w.week.labourDemand;
    updateWeek(w, at('2022-05-02'));
    expect(w.week.labourDemand).toBe(held);
  });

  it('takes employers’ demand as 1 (times employerDemand) where a scenario gives no labour-demand series', async () => {
    const x = worldOf(createModel(
      await scenarioWith((d) => {
        delete (d.series as Record<string, unknown>).labour_demand_sabah;
        delete (d.series as Record<string, unknown>).labour_demand_sarawak;
        (d.params as Record<string, { value: number }>).employerDemand!.value = 1.25;
      }),
      { seed: 1, scale: 1000 },
    ));
    updateWeek(x, weekOf(x.fixed.input.start, '2021-10-04'));
    expect(Array.from(x.week.labourDemand)).toEqual([1.25, 1.25]);
  });

  it('sets the destination wage, each origin’s wage and base hazard from the series on the date', () => {
    const s = w.fixed.input;
    const p = w.fixed.params;
    for (const date of ['2019-01-07', '2022-01-03', '2022-05-02', '2024-09-16']) {
      updateWeek(w, at(date));
      const L = w.week.levels.economicDevelopment!;
      expect(L).toBe(date >= '2022-01-03' ? 0.4 : 0);
      const dest = stepValue(s.series.my_min_wage_myr!, date) * stepValue(s.series.fx_idr_per_myr!, date);
      expect(w.week.destinationWageIdr).toBeCloseTo(dest, 6);
      s.origins.forEach((o, oi) => {
        const wage = stepValue(s.series[`wage_${o.wageRegion}`]!, date) * (1 + p.devWageGain! * L);
        expect(w.week.originWageIdr[oi], `${o.id} on ${date}`).toBeCloseTo(wage, 4);
        const unemployment = o.unemployment * (1 - p.devUnemploymentCut! * L);
        expect(w.week.baseHazard[oi]).toBeCloseTo(departureHazardBase(w.fixed, oi, wageGap(dest, wage), unemployment), 15);
      });
    }
    // Economic development (with the new year's origin wages) lowers the push at every origin.
    updateWeek(w, at('2021-12-27'));
    const before = Array.from(w.week.baseHazard);
    updateWeek(w, at('2022-01-03'));
    w.week.baseHazard.forEach((h, oi) => expect(h).toBeLessThan(before[oi]!));
  });
});
