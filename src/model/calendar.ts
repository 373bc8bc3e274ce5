/**
 * The week's conditions, computed once at its start: wages in one currency (ringgit wage × the
 * exchange rate of the date), the push at each origin, the intervention levels and the
 * parameters they move.
 */
import { dateOfWeek, stepValue } from './geography.js';
import { levelsOn, yearsActive } from './interventions.js';
import type { World } from './world.js';

/** ln(destination wage in IDR / origin wage) — the wage gap the push–pull rule reads. */
export function wageGap(destinationWageIdr: number, originWageIdr: number): number {
  return Math.log(destinationWageIdr / originWageIdr);
}

/** h = h0 · exp(βw·gap + βu·unemployment + βp·poverty), before the personal factor. */
export function departureHazardBase(w: World, origin: number, gap: number, unemployment: number): number {
  const p = w.p;
  const o = w.scenario.origins[origin]!;
  return p.h0 * Math.exp(p.betaWage * gap + p.betaUnemployment * unemployment + p.betaPoverty * o.poverty);
}

export function updateWeek(w: World, index: number): void {
  const s = w.scenario;
  const p = w.p;
  const wk = w.week;
  wk.index = index;
  wk.date = dateOfWeek(s.start, index);
  wk.levels = levelsOn(s, wk.date);
  const L = wk.levels;
  wk.destinationWageIdr = stepValue(s.series.my_min_wage_myr!, wk.date) * stepValue(s.series.fx_idr_per_myr!, wk.date);
  const ngoYears = yearsActive(s, 'ngoCooperation', wk.date);
  s.origins.forEach((o, oi) => {
    const wage = stepValue(s.series[`wage_${o.wageRegion}`]!, wk.date) * (1 + p.devWageGain * L.economicDevelopment);
    wk.originWageIdr[oi] = wage;
    const unemployment = o.unemployment * (1 - p.devUnemploymentCut * L.economicDevelopment);
    wk.baseHazard[oi] = departureHazardBase(w, oi, wageGap(wk.destinationWageIdr, wage), unemployment);
    wk.awarenessBoost[oi] = Math.min(1, p.ngoAwarenessGain * ngoYears);
  });
  wk.trainedShare = p.trainedShare + (1 - p.trainedShare) * L.jointTraining;
  wk.monitoring = L.antiCollusion;
  wk.proceduralCostIdr = p.proceduralCostIdr * (1 - p.placementCostCut * L.placementReform);
  wk.proceduralWaitWeeks = Math.max(1, p.proceduralWaitWeeks * (1 - p.placementCostCut * L.placementReform));
  wk.fraudDocChance = p.docLoophole * (1 - L.documentAlignment);
}
