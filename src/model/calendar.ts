/**
 * The week's conditions, set once at its start: wages in one currency (ringgit wage × the
 * exchange rate of the date), the cooperation stage, each intervention's level, the levers the
 * interventions move, and the push at each origin.
 */
import { definePhase } from './phase.js';
import { capabilities, type Mechanism, stageOn } from './cooperation.js';
import { resetLevers } from './conditions.js';
import { type Acting, applyMeasures } from './interventions/apply.js';
import { dateOfWeek, stepValue } from './geography.js';
import { EVENTS } from './events/index.js';
import type { InterventionEntry } from './input.js';
import { type InterventionRegistry, scheduledLevel, yearsActive } from './interventions/index.js';
import type { Fixed, World } from './state.js';

/** Sets the week: wages, the cooperation stage, each measure's level and the levers they move. */
export const calendarPhase = definePhase('calendar', { reads: ['fixed'], writes: ['week'] }, (w) => updateWeek(w, w.tick));

/** ln(destination wage in IDR / origin wage) — the wage gap the push–pull rule reads. */
export function wageGap(destinationWageIdr: number, originWageIdr: number): number {
  return Math.log(destinationWageIdr / originWageIdr);
}

/** h = h0 · exp(βw·gap + βu·unemployment + βp·poverty), before the personal factor. */
export function departureHazardBase(fixed: Fixed, origin: number, gap: number, unemployment: number): number {
  const p = fixed.p;
  const o = fixed.input.origins[origin]!;
  return p.h0 * Math.exp(p.betaWage * gap + p.betaUnemployment * unemployment + p.betaPoverty * o.poverty);
}

export function updateWeek(w: World, index: number): void {
  const s = w.fixed.input;
  const c = w.week;
  resetLevers(c, w.week.base);
  c.index = index;
  c.out = index - w.fixed.geo.spinUp;
  c.date = dateOfWeek(w.fixed.geo.runStart, index);
  c.stage = stageOn(s.stages, c.date);
  const stage = c.stage;
  const pinned = s.mechanismStages ?? {};
  c.cap = capabilities((m: Mechanism) => pinned[m] ?? stage, w.fixed.p);
  // Every measure and event contributes to the levers it moves (what a bilateral measure can do
  // at this stage is up to c.cap); each lever combines the contributions by its rule.
  const acting: Acting[] = [];
  const add = (registry: InterventionRegistry, entries: readonly InterventionEntry[]) => {
    for (const def of registry.definitions) {
      const level = scheduledLevel(entries, def.kind, c.date);
      c.levels[def.kind] = level;
      acting.push({ def, level, yearsActive: yearsActive(entries, def.kind, c.date) });
    }
  };
  add(w.fixed.interventions, s.interventions);
  add(EVENTS, s.events ?? []);
  applyMeasures(c, acting, w.fixed.params);
  c.destinationWageIdr = stepValue(s.series.my_min_wage_myr!, c.date) * stepValue(s.series.fx_idr_per_myr!, c.date);
  // Employers' unmet demand for labour, by state (1 where the scenario gives no series).
  const demand = w.fixed.p.employerDemand;
  c.labourDemand[0] = demand * (s.series.labour_demand_sarawak ? stepValue(s.series.labour_demand_sarawak, c.date) : 1);
  c.labourDemand[1] = demand * (s.series.labour_demand_sabah ? stepValue(s.series.labour_demand_sabah, c.date) : 1);
  // Each state's enforcement effort (operations a year, relative to 2019), where the scenario gives it.
  c.raidEffort[0] = s.series.raid_effort_sarawak ? stepValue(s.series.raid_effort_sarawak, c.date) : 1;
  c.raidEffort[1] = s.series.raid_effort_sabah ? stepValue(s.series.raid_effort_sabah, c.date) : 1;
  s.origins.forEach((o, oi) => {
    const wage = stepValue(s.series[`wage_${o.wageRegion}`]!, c.date) * c.originWageFactor;
    c.originWageIdr[oi] = wage;
    const unemployment = o.unemployment * c.unemploymentFactor;
    c.baseHazard[oi] = departureHazardBase(w.fixed, oi, wageGap(c.destinationWageIdr, wage), unemployment) * c.pullFactor;
  });
  if (index === 0) w.week.refHazard.set(c.baseHazard);
}
